package dev.kindling.api;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of running a cell, a magic or an interpreter call.
 *
 * <p>An interpreter may also simply throw: the kernel turns an uncaught exception into an {@link
 * Error} named after the exception's class.
 */
public sealed interface ExecutionResult {

  /** Nothing to show (a definition, a statement, an empty cell). */
  static ExecutionResult empty() {
    return Empty.INSTANCE;
  }

  /**
   * A value to show as the cell's result. The kernel renders it with the loaded {@link
   * DisplayRenderer}s; a {@link MimeBundle} is shown as it is, anything else falls back to {@code
   * text/plain} of {@code String.valueOf(value)}.
   */
  static ExecutionResult value(Object value) {
    return new Value(value);
  }

  /** A failure the user should see as one error output. */
  static ExecutionResult error(String name, String message, List<String> traceback) {
    return new Error(name, message, traceback);
  }

  /** No result. */
  enum Empty implements ExecutionResult {
    INSTANCE
  }

  /**
   * A result value.
   *
   * @param value the value; may be {@code null}, which shows as {@code null}
   */
  record Value(Object value) implements ExecutionResult {}

  /**
   * A failure.
   *
   * @param name short error name, for example {@code ParseError} or {@code SparkException}
   * @param message one-line description
   * @param traceback lines pointing at the user's code (ANSI colours allowed)
   */
  record Error(String name, String message, List<String> traceback) implements ExecutionResult {
    public Error {
      Objects.requireNonNull(name, "name");
      message = message == null ? "" : message;
      traceback = List.copyOf(traceback);
    }
  }
}
