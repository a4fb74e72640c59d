package dev.kindling.kernel.testplugin;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import java.util.Locale;
import org.pf4j.Extension;

/** {@code %%upper}: the cell's body, upper-cased, becomes the cell's result. */
@Extension
public final class UpperCellMagic implements CellMagic {

  @Override
  public String name() {
    return "upper";
  }

  @Override
  public String description() {
    return "Show the cell body in upper case";
  }

  @Override
  public ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context) {
    return ExecutionResult.value(body.toUpperCase(Locale.ROOT));
  }
}
