package dev.kindling.sql;

/**
 * Replaces {@code $name} and {@code ${expression}} in SQL text by notebook values, and {@code $$}
 * by {@code $}. A {@code $} followed by anything else stays as it is. Substitution happens
 * everywhere in the text, string literals included, and inserts the value's text verbatim (no
 * quoting).
 */
final class Substitution {

  /** Where values come from. */
  interface Values {
    /**
     * The text of the variable {@code name} ({@code $name}).
     *
     * @throws SubstitutionException when there is no such variable
     */
    String variable(String name) throws Exception;

    /**
     * The text of {@code expression} ({@code ${expression}}).
     *
     * @throws SubstitutionException when it cannot be evaluated
     */
    String expression(String expression) throws Exception;
  }

  private Substitution() {}

  /** Whether {@code text} has anything to substitute (a {@code $}). */
  static boolean needed(String text) {
    return text.indexOf('$') >= 0;
  }

  static String apply(String text, Values values) throws Exception {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c != '$') {
        out.append(c);
        i++;
      } else if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int end = closingBrace(text, i + 2);
        if (end < 0) {
          throw new SubstitutionException(
              "${ at line " + lineOf(text, i) + " has no closing }; write $$ for a literal $");
        }
        String expression = text.substring(i + 2, end);
        if (expression.isBlank()) {
          throw new SubstitutionException("empty ${} at line " + lineOf(text, i));
        }
        out.append(values.expression(expression));
        i = end + 1;
      } else if (Character.isJavaIdentifierStart(next) && next != '$') {
        int end = i + 1;
        while (end < text.length()
            && Character.isJavaIdentifierPart(text.charAt(end))
            && text.charAt(end) != '$') {
          end++;
        }
        out.append(values.variable(text.substring(i + 1, end)));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int closingBrace(String text, int from) {
    int depth = 1;
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
