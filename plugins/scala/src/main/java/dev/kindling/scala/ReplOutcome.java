package dev.kindling.scala;

import java.util.List;
import java.util.Optional;

/** What running one cell in the REPL came to. */
sealed interface ReplOutcome {

  /**
   * The cell ran.
   *
   * @param echo what the REPL printed for the cell's definitions ({@code val x: Int = 1}), without
   *     the line of the result value
   * @param value the value of the cell's last expression, when it has one
   */
  record Success(String echo, Optional<ResultValue> value) implements ReplOutcome {}

  /** The cell did not compile. */
  record CompileFailure(List<CompilerMessage> errors) implements ReplOutcome {}

  /**
   * Nothing ran and nothing was reported: the cell has no statements, or an interrupt stopped it.
   */
  record NotRun() implements ReplOutcome {}

  /** The cell ends in the middle of an expression or definition. */
  record Incomplete() implements ReplOutcome {}

  /** The cell compiled but threw. */
  record RuntimeFailure(Throwable exception) implements ReplOutcome {}

  /**
   * The value of a cell's last expression.
   *
   * @param name the REPL's name for it ({@code res3})
   * @param value the value itself; may be null
   * @param type its static type as the REPL prints it ({@code Int}); empty when unknown
   */
  record ResultValue(String name, Object value, String type) {}
}
