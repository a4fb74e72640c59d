package dev.kindling.scala;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import dev.kindling.api.MagicUsageException;
import org.pf4j.Extension;

/**
 * {@code %%scala}: runs one cell in the Scala interpreter whatever the notebook's language, on the
 * kernel's one SparkSession (so a PySpark notebook can define a Scala UDF or read a temp view).
 */
@Extension
public final class ScalaCellMagic implements CellMagic {

  @Override
  public String name() {
    return "scala";
  }

  @Override
  public String description() {
    return "Run the cell in Scala, on the same SparkSession";
  }

  @Override
  public String usage() {
    return "%%scala\nCODE ...\n\n"
        + "Runs the rest of the cell in the kernel's Scala interpreter (the same one Scala\n"
        + "notebooks use, with its definitions), on the kernel's SparkSession. Temp views and\n"
        + "kernel.data are shared with the notebook's own language.";
  }

  @Override
  public ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context)
      throws Exception {
    if (!arguments.isEmpty()) {
      throw new MagicUsageException("takes no arguments on the %%scala line");
    }
    Interpreter scala =
        context
            .interpreters()
            .get("Scala")
            .orElseThrow(() -> new IllegalStateException("the Scala interpreter is not loaded"));
    return scala.execute(request.withCode(body));
  }
}
