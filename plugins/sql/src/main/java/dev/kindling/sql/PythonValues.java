package dev.kindling.sql;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import java.util.Optional;
import java.util.Set;

/**
 * Variables of the notebook's PySpark interpreter, when one is running (never started for this):
 * {@code %%sql --var NAME} defines a Python variable as it defines a Scala val. The PySpark child's
 * {@code kernel.data} turns the kept Dataset into a PySpark DataFrame.
 */
final class PythonValues {

  /** Python's keywords: names that cannot be variables. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "False",
          "None",
          "True",
          "and",
          "as",
          "assert",
          "async",
          "await",
          "break",
          "class",
          "continue",
          "def",
          "del",
          "elif",
          "else",
          "except",
          "finally",
          "for",
          "from",
          "global",
          "if",
          "import",
          "in",
          "is",
          "lambda",
          "nonlocal",
          "not",
          "or",
          "pass",
          "raise",
          "return",
          "try",
          "while",
          "with",
          "yield");

  private final Interpreter python;

  private PythonValues(Interpreter python) {
    this.python = python;
  }

  /** The running PySpark interpreter's variables, if the kernel has started one. */
  static Optional<PythonValues> running(KernelContext context) {
    return context.interpreters().started("pyspark").map(PythonValues::new);
  }

  /**
   * Binds {@code name} (letters, digits and {@code _}) in Python to the {@code kernel.data} entry
   * of the same name.
   *
   * @return why the variable could not be defined
   */
  Optional<String> bindFromData(String name, ExecutionRequest cell) throws Exception {
    if (KEYWORDS.contains(name)) {
      return Optional.of(name + " is a Python keyword");
    }
    String code = name + " = kernel.data['" + name + "']";
    ExecutionResult result =
        python.execute(new ExecutionRequest(code, cell.executionCount(), true, false, false));
    if (result instanceof ExecutionResult.Error error) {
      return Optional.of(error.name() + ": " + error.message());
    }
    return Optional.empty();
  }
}
