package dev.kindling.sql;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Runs one cell of SQL (the body of {@code %%sql} or a cell of the SQL interpreter): substitutes
 * notebook values, runs the statements, keeps the DataFrame when asked and shows the last result.
 */
final class SqlCell {

  private SqlCell() {}

  static ExecutionResult run(
      String body, SqlOptions options, ExecutionRequest request, KernelContext context)
      throws Exception {
    String sql;
    try {
      sql =
          Substitution.needed(body)
              ? Substitution.apply(body, new NotebookValues(context, request))
              : body;
    } catch (SubstitutionException e) {
      return ExecutionResult.error(
          "SubstitutionError", e.getMessage(), List.of("SubstitutionError: " + e.getMessage()));
    }
    Optional<Dataset<Row>> frame;
    try {
      frame = SqlRunner.run(context, sql);
    } catch (SqlFailure e) {
      return e.error();
    }
    if (frame.isEmpty()) {
      return ExecutionResult.empty();
    }
    if (options.variable().isPresent()) {
      Optional<String> failure = keep(options.variable().get(), frame.get(), request, context);
      if (failure.isPresent()) {
        return ExecutionResult.error(
            "VarError", failure.get(), List.of("VarError: " + failure.get()));
      }
    }
    return show(frame.get(), options.limit(), options.output(), options.chart(), context);
  }

  /** Collects and shows a DataFrame as {@code %%sql} does. */
  static ExecutionResult show(
      Dataset<Row> frame,
      Optional<Integer> limit,
      ResultFormat format,
      Optional<Chart> chart,
      KernelContext context)
      throws InterruptedException {
    try {
      QueryResult result = SqlRunner.collect(frame, SqlRunner.limit(context, limit));
      return ExecutionResult.value(ResultBundle.of(result, format, chart));
    } catch (SqlFailure e) {
      return e.error();
    }
  }

  /**
   * {@code --var NAME}: into {@code kernel.data}, and a variable of each language that is running
   * ({@link KeptVariables}).
   *
   * @return why a variable could not be defined (the DataFrame is in kernel.data all the same)
   */
  private static Optional<String> keep(
      String name, Dataset<Row> frame, ExecutionRequest request, KernelContext context)
      throws Exception {
    context.data().put(name, frame);
    List<String> failures = KeptVariables.define(name, request, context);
    if (failures.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "the DataFrame is kept as kernel.data[\""
            + name
            + "\"], but "
            + String.join("; ", failures));
  }
}
