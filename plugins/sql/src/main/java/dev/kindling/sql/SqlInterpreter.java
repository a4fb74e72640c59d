package dev.kindling.sql;

import dev.kindling.api.CodeCompleteness;
import dev.kindling.api.Completion;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import dev.kindling.api.MimeBundle;
import java.util.Optional;

/**
 * The SQL interpreter: every cell is Spark SQL, run as {@code %%sql} runs its body (statements
 * separated by {@code ;}, the last one's result shown, {@code $name} substitution), with completion
 * of keywords, tables and columns, inspection of tables, columns and functions, and {@code
 * is_complete} on the statement.
 */
final class SqlInterpreter implements Interpreter {

  private static final SqlOptions DEFAULTS = SqlOptions.parse("");

  private final KernelContext context;
  private volatile SqlCatalog catalog;

  SqlInterpreter(KernelContext context) {
    this.context = context;
  }

  @Override
  public LanguageInfo languageInfo() {
    return SqlInterpreterFactory.LANGUAGE;
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request) throws Exception {
    if (SqlScript.parse(request.code()).statements().isEmpty()) {
      return ExecutionResult.empty();
    }
    return SqlCell.run(request.code(), DEFAULTS, request, context);
  }

  @Override
  public Completion complete(String code, int cursor) {
    return SqlCompletion.complete(code, cursor, catalog());
  }

  @Override
  public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
    return SqlInspection.inspect(code, cursor, catalog());
  }

  @Override
  public CodeCompleteness isComplete(String code) {
    return SqlCompleteness.of(code);
  }

  /** The catalog of the session, once it runs; completion never starts Spark. */
  private Optional<SqlCatalog> catalog() {
    SqlCatalog known = catalog;
    if (known == null) {
      Optional<SqlCatalog> started = context.spark().activeSession().map(SqlCatalog::new);
      started.ifPresent(c -> catalog = c);
      return started;
    }
    return Optional.of(known);
  }
}
