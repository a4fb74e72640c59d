package dev.kindling.sql;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Values of the notebook's Scala interpreter, when one is running (never started for this). An
 * expression is evaluated as a silent Scala cell that hands its value over through {@code
 * kernel.data} under a one-off key, so this works with the plugin API alone.
 */
final class ScalaValues {

  /** The outcome of evaluating an expression. */
  sealed interface Evaluation {}

  /** The expression's value ({@code null} allowed). */
  record Value(Object value) implements Evaluation {}

  /** The expression did not compile or threw; {@code message} is Scala's. */
  record Failure(String message) implements Evaluation {}

  private static final String KEY_PREFIX = "kindling.sql.scala-value.";

  private final KernelContext context;
  private final Interpreter scala;

  private ScalaValues(KernelContext context, Interpreter scala) {
    this.context = context;
    this.scala = scala;
  }

  /** The running Scala interpreter's values, if the kernel has started one. */
  static Optional<ScalaValues> running(KernelContext context) {
    return context.interpreters().started("scala").map(s -> new ScalaValues(context, s));
  }

  /** Evaluates {@code expression} (Scala source; several lines allowed, the last is the value). */
  Evaluation evaluate(String expression, ExecutionRequest cell) throws Exception {
    String key = KEY_PREFIX + UUID.randomUUID();
    String code =
        // By its full path: a cell may have rebound `kernel`.
        "_root_.dev.kindling.scala.api.ReplSessions.kernel.data.put(\""
            + key
            + "\", java.util.Optional.ofNullable({\n"
            + expression
            + "\n}.asInstanceOf[AnyRef])); ()";
    try {
      ExecutionResult result = run(code, cell);
      Object handed = context.data().get(key);
      if (handed instanceof Optional<?> value) {
        return new Value(value.orElse(null));
      }
      if (result instanceof ExecutionResult.Error error) {
        return new Failure(error.name() + ": " + error.message());
      }
      return new Failure("the Scala expression gave no value: " + expression);
    } finally {
      context.data().remove(key);
    }
  }

  private ExecutionResult run(String code, ExecutionRequest cell) throws Exception {
    return scala.execute(new ExecutionRequest(code, cell.executionCount(), true, false, false));
  }
}
