package dev.kindling.sql;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.MagicUsageException;
import org.pf4j.Extension;

/**
 * {@code %%sql}: the cell's body is Spark SQL run on the kernel's session, in any notebook. The
 * result shows as an HTML and a text table (or JSON, CSV, a chart); see {@link SqlOptions#USAGE}.
 */
@Extension
public final class SqlMagic implements CellMagic {

  @Override
  public String name() {
    return "sql";
  }

  @Override
  public String description() {
    return "Run the cell as Spark SQL and show the result as a table (or JSON, CSV, a chart)";
  }

  @Override
  public String usage() {
    return SqlOptions.USAGE;
  }

  @Override
  public ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context)
      throws Exception {
    SqlOptions options = SqlOptions.parse(arguments);
    if (SqlScript.parse(body).statements().isEmpty()) {
      throw new MagicUsageException("no SQL statement in the cell");
    }
    return SqlCell.run(body, options, request, context);
  }
}
