package dev.kindling.sql;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code %%sql --var NAME}'s variables: after the DataFrame is kept as {@code kernel.data["NAME"]},
 * each language of the notebook that is running (none is started for this) gets a variable {@code
 * NAME} for it, defined by a silent cell that reads {@code kernel.data}: a Scala val of type
 * DataFrame, a Python variable (the PySpark child's {@code kernel.data} turns the Dataset into a
 * PySpark DataFrame) and an R variable (a SparkDataFrame, likewise).
 */
final class KeptVariables {

  /** Python's keywords: names that cannot be Python variables. */
  private static final Set<String> PYTHON_KEYWORDS =
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

  /**
   * How one language defines a variable.
   *
   * @param interpreter the interpreter's name
   * @param variable what the variable is called in messages
   * @param refusal why a name cannot be a variable, if it cannot
   * @param definition the code defining the variable from {@code kernel.data}
   */
  private record Language(
      String interpreter,
      String variable,
      Function<String, Optional<String>> refusal,
      Function<String, String> definition) {}

  // Names are letters, digits and _ (SqlOptions): backticks make any such name a Scala or R name.
  // The kernel object is reached by a path no cell rebinds: `kernel` is a common variable name.
  private static final List<Language> LANGUAGES =
      List.of(
          new Language(
              "scala",
              "the Scala val",
              name -> Optional.empty(),
              name ->
                  "val `"
                      + name
                      + "` = _root_.dev.kindling.scala.api.ReplSessions.kernel.data.get(\""
                      + name
                      + "\").asInstanceOf[org.apache.spark.sql.DataFrame]"),
          new Language(
              "pyspark",
              "the Python variable",
              name ->
                  PYTHON_KEYWORDS.contains(name)
                      ? Optional.of(name + " is a Python keyword")
                      : Optional.empty(),
              name -> name + " = __import__('__kindling__').kernel.data['" + name + "']"),
          new Language(
              "sparkr",
              "the R variable",
              name -> Optional.empty(),
              name ->
                  "`"
                      + name
                      + "` <- as.environment(\"kindling\")$kernel$data[[\""
                      + name
                      + "\"]]"));

  private KeptVariables() {}

  /**
   * Defines {@code name} in each running language.
   *
   * @return for each language where that failed, what failed and why
   */
  static List<String> define(String name, ExecutionRequest cell, KernelContext context)
      throws Exception {
    List<String> failures = new ArrayList<>();
    for (Language language : LANGUAGES) {
      Optional<Interpreter> running = context.interpreters().started(language.interpreter());
      if (running.isEmpty()) {
        continue;
      }
      Optional<String> failure = language.refusal().apply(name);
      if (failure.isEmpty()) {
        String code = language.definition().apply(name);
        ExecutionResult result =
            running
                .get()
                .execute(new ExecutionRequest(code, cell.executionCount(), true, false, false));
        if (result instanceof ExecutionResult.Error error) {
          failure = Optional.of(error.name() + ": " + error.message());
        }
      }
      failure.ifPresent(
          why -> failures.add(language.variable() + " " + name + " could not be defined: " + why));
    }
    return failures;
  }
}
