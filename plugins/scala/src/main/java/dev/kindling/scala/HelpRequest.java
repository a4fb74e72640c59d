package dev.kindling.scala;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell that asks for help about a name, as IPython's {@code obj?}: the whole cell is {@code
 * name?}, {@code ?name} (or {@code name??}, {@code ??name}) where {@code name} is an identifier
 * path such as {@code spark.range}. Anything else is Scala, so {@code a ? b}, {@code "what?"} and
 * an identifier ending in {@code _?} (a legal Scala name) run as code.
 */
final class HelpRequest {

  private static final String IDENTIFIER =
      "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
  private static final String PATH = IDENTIFIER + "(?:\\." + IDENTIFIER + ")*";
  private static final Pattern PREFIX = Pattern.compile("\\s*\\?{1,2}\\s*(" + PATH + ")\\s*");
  private static final Pattern SUFFIX = Pattern.compile("\\s*(" + PATH + ")\\s*\\?{1,2}\\s*");

  private HelpRequest() {}

  /** The identifier path the cell asks about, or empty when the cell is code. */
  static Optional<String> target(String cell) {
    Matcher prefix = PREFIX.matcher(cell);
    if (prefix.matches()) {
      return Optional.of(prefix.group(1));
    }
    Matcher suffix = SUFFIX.matcher(cell);
    if (suffix.matches()) {
      String path = suffix.group(1);
      boolean operatorName = path.endsWith("_") && cell.charAt(suffix.end(1)) == '?';
      return operatorName ? Optional.empty() : Optional.of(path);
    }
    return Optional.empty();
  }

  /** What the pager shows when inspection knows nothing about {@code path}. */
  static String nothingKnown(String path) {
    return "No information for `" + path + "`: it is not a name this Scala session knows.";
  }
}
