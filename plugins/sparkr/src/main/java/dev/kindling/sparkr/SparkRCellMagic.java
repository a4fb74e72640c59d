package dev.kindling.sparkr;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import dev.kindling.api.MagicUsageException;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code %%sparkr} (also {@code %%R}): runs the cell's body as R in the kernel's SparkR
 * interpreter, so any notebook can have R cells on the shared session.
 */
@Extension
public final class SparkRCellMagic implements CellMagic {

  @Override
  public String name() {
    return "sparkr";
  }

  @Override
  public List<String> aliases() {
    return List.of("R");
  }

  @Override
  public String description() {
    return "Run the cell as R (SparkR) on the kernel's SparkSession";
  }

  @Override
  public String usage() {
    return "%%sparkr\n<R code>\n\nRuns the cell's body in the kernel's R interpreter (an IRkernel"
        + " child attached to the shared SparkSession: spark, sql(), table(), collect()...).";
  }

  @Override
  public ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context)
      throws Exception {
    if (!arguments.isBlank()) {
      throw new MagicUsageException("%%sparkr takes no arguments, got: " + arguments);
    }
    Interpreter r =
        context
            .interpreters()
            .get("SparkR")
            .orElseThrow(() -> new IllegalStateException("the SparkR interpreter is not loaded"));
    return r.execute(request.withCode(body));
  }
}
