package dev.kindling.scala;

import dev.kindling.api.CodeCompleteness;
import scala.tools.nsc.interpreter.Results;

/**
 * Whether a cell can run as it is, decided by the REPL's own parser: an open brace, a trailing
 * operator or an unclosed triple-quoted string is incomplete; a syntax error is invalid.
 */
final class ScalaCompleteness {

  private static final String INDENT = "  ";

  private static final java.util.regex.Pattern TRAILING_OPERATOR =
      java.util.regex.Pattern.compile("(^|[\\s\\w)\\]}\"'])[-+*/%&|^<>=!~:]+$");

  private ScalaCompleteness() {}

  static CodeCompleteness of(ScalaRepl repl, String code) {
    if (code.isBlank()) {
      return CodeCompleteness.complete();
    }
    if (hasUnclosedTripleQuote(code)) {
      return CodeCompleteness.incomplete("");
    }
    var parsed = repl.withCompiler(intp -> intp.parse(code));
    if (parsed.isRight()) {
      return endsWithOperator(code)
          ? CodeCompleteness.incomplete(nextIndent(code) + INDENT)
          : CodeCompleteness.complete();
    }
    Results.Result result = parsed.left().toOption().get();
    if (result == Results.Incomplete$.MODULE$) {
      return CodeCompleteness.incomplete(nextIndent(code));
    }
    return CodeCompleteness.invalid();
  }

  /**
   * {@code 1 +} parses as a postfix operation, but at the end of a cell the user almost always
   * means to continue on the next line, as in the Scala REPL.
   */
  private static boolean endsWithOperator(String code) {
    String last = code.strip().lines().reduce((first, second) -> second).orElse("");
    return !last.contains("//") && TRAILING_OPERATOR.matcher(last).find();
  }

  /** The parser accepts a triple-quoted string left open at the end; a console waits for more. */
  private static boolean hasUnclosedTripleQuote(String code) {
    int count = 0;
    for (int i = code.indexOf("\"\"\""); i >= 0; i = code.indexOf("\"\"\"", i + 3)) {
      count++;
    }
    return count % 2 == 1;
  }

  private static String nextIndent(String code) {
    String last = code.lines().reduce((first, second) -> second).orElse("");
    String indent = last.substring(0, last.length() - last.stripLeading().length());
    String trimmed = last.strip();
    boolean opens =
        trimmed.endsWith("{")
            || trimmed.endsWith("(")
            || trimmed.endsWith("=>")
            || trimmed.endsWith("=");
    return opens ? indent + INDENT : indent;
  }
}
