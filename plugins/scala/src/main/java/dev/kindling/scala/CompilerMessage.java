package dev.kindling.scala;

import java.util.Optional;

/**
 * One error or warning from the compiler, located in the user's cell.
 *
 * @param message the compiler's message
 * @param line 1-based line in the cell, when the message points into it
 * @param column 1-based column in that line
 * @param lineContent the cell's text on that line
 */
record CompilerMessage(String message, Optional<Integer> line, int column, String lineContent) {

  /** {@code "line 2, column 5: not found: value x"}, or just the message. */
  String located() {
    return line.map(l -> "line " + l + ", column " + column + ": " + message).orElse(message);
  }

  /** The cell's line with a caret under the column, or nothing when the line is unknown. */
  String caretLines() {
    if (line.isEmpty()) {
      return "";
    }
    return lineContent + "\n" + " ".repeat(Math.max(0, column - 1)) + "^";
  }
}
