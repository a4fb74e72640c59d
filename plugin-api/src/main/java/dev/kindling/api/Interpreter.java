package dev.kindling.api;

import java.util.Optional;

/**
 * A language the kernel runs cells in. Created once per kernel by its {@link InterpreterFactory}
 * and used from the kernel's execution thread, one call at a time; {@link #interrupt()} is the
 * exception and is called from another thread while {@link #execute} runs.
 *
 * <p>Output written to {@code System.out} and {@code System.err} while a cell runs, from any thread
 * the cell started, reaches that cell as stream output.
 */
public interface Interpreter extends AutoCloseable {

  /** The language this interpreter speaks, reported in {@code kernel_info_reply}. */
  LanguageInfo languageInfo();

  /**
   * Runs code. Exceptions thrown here become one error output for the cell.
   *
   * @param request the code and how the front end asked for it to run
   * @return the cell's result
   * @throws Exception any failure of the user's code, reported to the user
   */
  ExecutionResult execute(ExecutionRequest request) throws Exception;

  /** Completion candidates at {@code cursor} (a Java string index). None by default. */
  default Completion complete(String code, int cursor) {
    return Completion.none(cursor);
  }

  /**
   * Documentation for the symbol at {@code cursor}; empty when nothing is known.
   *
   * @param detailLevel 0 for a summary, 1 for more (source, for example)
   */
  default Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
    return Optional.empty();
  }

  /** Whether {@code code} can run as it is. {@link CodeCompleteness#unknown()} by default. */
  default CodeCompleteness isComplete(String code) {
    return CodeCompleteness.unknown();
  }

  /**
   * True when the language has magics of its own (IPython's {@code %%timeit}, say): a cell starting
   * with a {@code %%name} that no plugin claims is then handed to the interpreter as it is. False
   * by default: the kernel answers such a cell with an error naming the nearest known magics.
   */
  default boolean understandsMagics() {
    return false;
  }

  /**
   * Stops the running {@link #execute} call as soon as possible. Called from another thread. The
   * kernel also interrupts the execution thread, so code that honours {@link
   * Thread#isInterrupted()} stops without this method doing anything.
   */
  default void interrupt() {}

  /** Releases the interpreter's resources when the kernel shuts down. */
  @Override
  default void close() {}
}
