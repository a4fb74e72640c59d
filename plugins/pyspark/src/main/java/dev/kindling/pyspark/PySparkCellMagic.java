package dev.kindling.pyspark;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import dev.kindling.api.MagicUsageException;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code %%pyspark} (alias {@code %%python}): runs one cell in the PySpark interpreter whatever the
 * notebook's language, on the kernel's one SparkSession.
 */
@Extension
public final class PySparkCellMagic implements CellMagic {

  @Override
  public String name() {
    return "pyspark";
  }

  @Override
  public List<String> aliases() {
    return List.of("python");
  }

  @Override
  public String description() {
    return "Run the cell in PySpark (Python), on the same SparkSession";
  }

  @Override
  public String usage() {
    return "%%pyspark\nCODE ...\n\n"
        + "Runs the rest of the cell in the kernel's PySpark interpreter (an ipykernel attached\n"
        + "to the kernel's SparkSession, started on first use; --conf kindling.python=EXE picks\n"
        + "the Python). Temp views and kernel.data are shared with the notebook's own language.\n"
        + "%%python is the same magic.";
  }

  @Override
  public ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context)
      throws Exception {
    if (!arguments.isEmpty()) {
      throw new MagicUsageException("takes no arguments on the %%pyspark line");
    }
    Interpreter python =
        context
            .interpreters()
            .get("PySpark")
            .orElseThrow(() -> new IllegalStateException("the PySpark interpreter is not loaded"));
    return python.execute(request.withCode(body));
  }
}
