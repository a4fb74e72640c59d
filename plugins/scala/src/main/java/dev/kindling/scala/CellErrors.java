package dev.kindling.scala;

import dev.kindling.api.ExecutionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Failed cells as one {@code error} output each, pointing at the user's code. */
final class CellErrors {

  static final String COMPILE_ERROR = "CompileError";

  private CellErrors() {}

  /** The compiler's errors, each with its line and column in the cell and a caret under it. */
  static ExecutionResult compileError(List<CompilerMessage> errors) {
    List<String> traceback = new ArrayList<>();
    for (CompilerMessage error : errors) {
      String caret = error.caretLines();
      traceback.add((caret.isEmpty() ? "" : caret + "\n") + "error: " + error.located());
    }
    String summary =
        errors.stream().map(CompilerMessage::located).collect(Collectors.joining("\n"));
    return ExecutionResult.error(COMPILE_ERROR, summary, traceback);
  }

  /** A cell that ends inside an expression, a block or a string. */
  static ExecutionResult incomplete(String code) {
    int lines = (int) code.lines().count();
    String message =
        "line "
            + Math.max(lines, 1)
            + ": incomplete input: a brace, parenthesis or string is not"
            + " closed, or an expression is not finished";
    return ExecutionResult.error(COMPILE_ERROR, message, List.of("error: " + message));
  }

  /** The compiler gave up on the cell without a message. */
  static ExecutionResult compilerStopped() {
    String message = "the compiler stopped without an error message; run the cell again";
    return ExecutionResult.error(COMPILE_ERROR, message, List.of("error: " + message));
  }

  /** An exception thrown by the cell's code (for a Spark job failure, its root cause first). */
  static ExecutionResult exception(Throwable thrown) {
    Throwable shown = CellTraceback.rootCauseOfSparkFailure(thrown);
    String name = shown.getClass().getName();
    String message = shown.getMessage() == null ? "" : shown.getMessage();
    return ExecutionResult.error(name, message, CellTraceback.of(shown, thrown));
  }
}
