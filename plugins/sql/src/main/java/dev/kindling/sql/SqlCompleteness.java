package dev.kindling.sql;

import dev.kindling.api.CodeCompleteness;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.execution.SparkSqlParser;

/**
 * Whether a cell of SQL can run as it is ({@code is_complete}): incomplete while a quote, a block
 * comment or a parenthesis is open; invalid with a {@code )} too many; complete when it ends with
 * {@code ;}; otherwise Spark's parser decides on the last statement: complete when it parses,
 * incomplete when it stops at the end of the input ({@code SELECT * FROM}), invalid otherwise.
 * Needs no SparkSession.
 */
final class SqlCompleteness {

  private static final ParserInterface PARSER = new SparkSqlParser();

  /** {@code $$}, {@code ${...}} and {@code $name}: parsed as a plain name stands in for them. */
  private static final Pattern SUBSTITUTION =
      Pattern.compile("\\$\\$|\\$\\{[^}]*\\}|\\$[A-Za-z_][A-Za-z0-9_]*");

  private SqlCompleteness() {}

  static CodeCompleteness of(String code) {
    SqlScript script = SqlScript.parse(code);
    if (script.parenDepth() < 0) {
      return CodeCompleteness.invalid();
    }
    if (script.unbalanced()) {
      return CodeCompleteness.incomplete("");
    }
    List<SqlScript.Statement> statements = script.statements();
    if (statements.isEmpty() || script.terminated()) {
      return CodeCompleteness.complete();
    }
    try {
      String last = statements.get(statements.size() - 1).text();
      PARSER.parsePlan(SUBSTITUTION.matcher(last).replaceAll("substituted"));
      return CodeCompleteness.complete();
    } catch (ParseException e) {
      String near = e.getMessageParameters().getOrDefault("error", "");
      return near.contains("end of input")
          ? CodeCompleteness.incomplete("")
          : CodeCompleteness.invalid();
    } catch (RuntimeException e) {
      return CodeCompleteness.unknown();
    }
  }
}
