package dev.kindling.scala;

import scala.runtime.ScalaRunTime;

/** Values as the Scala REPL prints them: {@code List(1, 2)}, {@code Array(1, 2)}, {@code 42}. */
final class ReplStrings {

  /** As Scala's REPL: collections are printed to at most this many elements. */
  static final int MAX_ELEMENTS = 1000;

  private ReplStrings() {}

  static String of(Object value) {
    String text = ScalaRunTime.replStringOf(value, MAX_ELEMENTS);
    if (text.startsWith("\n")) {
      text = text.substring(1);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
