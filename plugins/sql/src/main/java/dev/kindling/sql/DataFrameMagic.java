package dev.kindling.sql;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.MagicUsageException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.pf4j.Extension;

/**
 * {@code %%dataframe} (as in Toree): shows a DataFrame the body names or computes, as {@code %%sql}
 * shows results. The body is, in this order: the name of a DataFrame in {@code kernel.data}; Scala
 * code whose value is a DataFrame, when the Scala interpreter is running; otherwise a SQL query.
 */
@Extension
public final class DataFrameMagic implements CellMagic {

  static final String USAGE =
      "%%dataframe [--output=html|csv|json] [--limit=N]\n"
          + "<a kernel.data name, Scala code whose value is a DataFrame, or a SQL query>\n\n"
          + "  --output F    html (HTML and text tables, the default), csv (adds text/csv) or\n"
          + "                json (adds application/json)\n"
          + "  --limit N     show at most N rows (default: kindling.display.maxRows, 20)";

  private static final Set<String> OPTIONS = Set.of("output", "limit");

  @Override
  public String name() {
    return "dataframe";
  }

  @Override
  public String description() {
    return "Show a DataFrame (a kernel.data name, Scala code or a SQL query) as a table";
  }

  @Override
  public String usage() {
    return USAGE;
  }

  @Override
  public ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context)
      throws Exception {
    MagicArguments args = MagicArguments.parse(arguments, OPTIONS);
    ResultFormat format =
        args.choice("output", List.of("html", "csv", "json"))
            .map(ResultFormat::named)
            .orElse(ResultFormat.HTML);
    Optional<Integer> limit = args.positiveInt("limit");
    if (body.isBlank()) {
      throw new MagicUsageException("the cell has no DataFrame to show");
    }
    Object frame = frame(body, request, context);
    if (frame instanceof ExecutionResult.Error error) {
      return error;
    }
    return SqlCell.show(asFrame(frame), limit, format, Optional.empty(), context);
  }

  /** The DataFrame of the body, or the error to show instead. */
  private static Object frame(String body, ExecutionRequest request, KernelContext context)
      throws Exception {
    Object named = context.data().get(body.strip());
    if (named instanceof Dataset<?>) {
      return named;
    }
    Optional<ScalaValues> scala = ScalaValues.running(context);
    if (scala.isPresent()) {
      ScalaValues.Evaluation evaluation = scala.get().evaluate(body, request);
      if (evaluation instanceof ScalaValues.Failure failure) {
        return error(failure.message());
      }
      Object value = ((ScalaValues.Value) evaluation).value();
      if (value instanceof Dataset<?>) {
        return value;
      }
      return error(
          "the cell's value is "
              + (value == null ? "null" : "a " + value.getClass().getName())
              + ", not a DataFrame");
    }
    try {
      Optional<Dataset<Row>> result = SqlRunner.run(context, body);
      return result.isPresent() ? result.get() : error("the cell has no SQL statement");
    } catch (SqlFailure e) {
      return e.error();
    }
  }

  private static Dataset<Row> asFrame(Object frame) {
    return ((Dataset<?>) frame).toDF();
  }

  private static ExecutionResult.Error error(String message) {
    return new ExecutionResult.Error(
        "DataFrameError", message, List.of("DataFrameError: " + message));
  }
}
