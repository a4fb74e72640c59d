package dev.kindling.sql;

import dev.kindling.api.KernelContext;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the statements of a SQL text on the kernel's session, in order, and collects the last one's
 * result. Statements before the last run for their effect only (Spark runs commands eagerly; a
 * query before the last is analysed, not run).
 */
final class SqlRunner {

  /** The kernel setting for how many rows a result shows by default. */
  static final String MAX_ROWS_SETTING = "kindling.display.maxRows";

  static final int DEFAULT_MAX_ROWS = 20;

  private SqlRunner() {}

  /**
   * Runs {@code sql}.
   *
   * @return the last statement's DataFrame; empty when the text has no statement
   * @throws SqlFailure when Spark rejects a statement or fails to run it
   * @throws InterruptedException when the cell is interrupted meanwhile
   */
  static Optional<Dataset<Row>> run(KernelContext context, String sql)
      throws SqlFailure, InterruptedException {
    List<SqlScript.Statement> statements = SqlScript.parse(sql).statements();
    if (statements.isEmpty()) {
      return Optional.empty();
    }
    SparkSession spark = context.spark().session();
    Dataset<Row> last = null;
    for (int i = 0; i < statements.size(); i++) {
      SqlScript.Statement statement = statements.get(i);
      try {
        last = spark.sql(statement.text());
      } catch (Exception e) {
        throw failure(e, statement, i + 1, statements.size());
      }
    }
    return Optional.of(last);
  }

  /** Collects the first {@code limit} rows of {@code frame}. */
  static QueryResult collect(Dataset<Row> frame, int limit)
      throws SqlFailure, InterruptedException {
    try {
      return QueryResult.collect(frame, limit);
    } catch (Exception e) {
      throw failure(e, new SqlScript.Statement("", 1), 1, 1);
    }
  }

  /** The row limit: {@code --limit}, else the kernel's {@value #MAX_ROWS_SETTING}, else 20. */
  static int limit(KernelContext context, Optional<Integer> requested) {
    if (requested.isPresent()) {
      return requested.get();
    }
    try {
      int configured =
          Integer.parseInt(
              context
                  .configuration()
                  .get(MAX_ROWS_SETTING, String.valueOf(DEFAULT_MAX_ROWS))
                  .strip());
      return configured > 0 ? configured : DEFAULT_MAX_ROWS;
    } catch (NumberFormatException e) {
      return DEFAULT_MAX_ROWS;
    }
  }

  private static SqlFailure failure(
      Exception e, SqlScript.Statement statement, int number, int count)
      throws InterruptedException {
    if (Thread.currentThread().isInterrupted() || interruption(e)) {
      throw new InterruptedException("the cell was interrupted");
    }
    return SqlFailure.of(e, statement, number, count);
  }

  /** Whether the failure comes from an interrupt: of the thread, or of the cell's jobs. */
  private static boolean interruption(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InterruptedException) {
        return true;
      }
      if (t instanceof org.apache.spark.SparkException
          && String.valueOf(t.getMessage()).contains("cancelled")) {
        return true;
      }
    }
    return false;
  }
}
