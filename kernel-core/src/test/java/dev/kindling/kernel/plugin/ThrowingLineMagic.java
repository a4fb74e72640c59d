package dev.kindling.kernel.plugin;

import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;

/**
 * Test fixture: an extension whose constructor throws. Deliberately not annotated with
 * {@code @Extension}: tests list it in a plugin's index by hand.
 */
public final class ThrowingLineMagic implements LineMagic {

  public ThrowingLineMagic() {
    throw new IllegalStateException("no magic today");
  }

  @Override
  public String name() {
    return "throwing";
  }

  @Override
  public String description() {
    return "Never gets created";
  }

  @Override
  public ExecutionResult run(String arguments, KernelContext context) {
    return ExecutionResult.empty();
  }
}
