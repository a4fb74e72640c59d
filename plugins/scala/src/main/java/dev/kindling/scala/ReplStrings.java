package dev.kindling.scala;

import scala.runtime.ScalaRunTime;

/** Values as the Scala REPL prints them: {@code List(1, 2)}, {@code Array(1, 2)}, {@code 42}. */
final class ReplStrings {

  private static final int MAX_ELEMENTS = 1000;

  private ReplStrings() {}

  static String of(Object value) {
    String text = afterEquals(value);
    if (text.startsWith("\n")) {
      text = text.substring(1);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * As the REPL's echo prints a value after {@code val x: T = }: with a trailing newline, and
   * starting on a new line when it has several.
   */
  static String afterEquals(Object value) {
    return ScalaRunTime.replStringOf(value, MAX_ELEMENTS);
  }
}
