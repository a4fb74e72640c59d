package dev.kindling.sql;

import dev.kindling.api.ExecutionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement Spark rejected or failed to run, as the cell's error: Spark's message (for a syntax
 * error, with its line and position and a caret under the SQL), naming the statement when the cell
 * has several or it does not start on the cell's first line.
 */
final class SqlFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient ExecutionResult.Error error;

  SqlFailure(ExecutionResult.Error error) {
    super(error.message());
    this.error = error;
  }

  ExecutionResult.Error error() {
    return error;
  }

  static SqlFailure of(Throwable thrown, SqlScript.Statement statement, int number, int count) {
    Throwable shown = shown(thrown);
    String name = name(shown);
    String message = shown.getMessage() == null ? shown.toString() : shown.getMessage().strip();
    List<String> traceback = new ArrayList<>();
    if (count > 1 || statement.line() > 1) {
      traceback.add(
          "in statement "
              + number
              + " of "
              + count
              + " (starting at line "
              + statement.line()
              + " of the cell):");
    }
    traceback.add(name + ": " + message);
    return new SqlFailure(new ExecutionResult.Error(name, message, traceback));
  }

  /** Spark's public exception names, not its internal subclasses ({@code ExtendedAnalysis...}). */
  private static String name(Throwable shown) {
    if (shown instanceof org.apache.spark.sql.catalyst.parser.ParseException) {
      return "ParseException";
    }
    if (shown instanceof org.apache.spark.sql.AnalysisException) {
      return "AnalysisException";
    }
    return shown.getClass().getSimpleName();
  }

  /** The exception worth showing: for a failed Spark job, the error inside it. */
  private static Throwable shown(Throwable thrown) {
    Throwable shown = thrown;
    while (shown instanceof org.apache.spark.SparkException
        && shown.getCause() != null
        && shown.getCause() != shown) {
      shown = shown.getCause();
    }
    return shown;
  }
}
