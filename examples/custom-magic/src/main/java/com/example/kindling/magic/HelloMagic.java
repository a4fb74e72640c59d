package com.example.kindling.magic;

import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import dev.kindling.api.MagicUsageException;
import org.pf4j.Extension;

/**
 * {@code %hello [NAME]}: a line magic. Its result becomes the cell's result (or, when code follows
 * it in the cell, a display before the code's own result).
 */
@Extension
public final class HelloMagic implements LineMagic {

  @Override
  public String name() {
    return "hello";
  }

  @Override
  public String description() {
    return "Greet someone (example plugin)";
  }

  @Override
  public String usage() {
    return "%hello [NAME]\n\nSays hello to NAME (one word), or to the world.";
  }

  @Override
  public ExecutionResult run(String arguments, KernelContext context) {
    if (arguments.contains(" ")) {
      // The kernel fails the cell with this message and the usage above.
      throw new MagicUsageException("give at most one name");
    }
    String name = arguments.isEmpty() ? "world" : arguments;
    return ExecutionResult.value("Hello, " + name + "! (Kindling " + context.kernelVersion() + ")");
  }
}
