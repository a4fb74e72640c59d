package dev.kindling.sql;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.KernelContext;
import java.util.Optional;

/**
 * The values {@code %%sql} substitutes: the running Scala interpreter's names and expressions
 * first, then {@code kernel.data}, the map every language shares.
 *
 * <ul>
 *   <li>{@code $name}: the Scala value {@code name} when Scala is running and knows it, else {@code
 *       kernel.data["name"]}; an error when neither has it.
 *   <li>{@code ${expr}}: {@code expr} evaluated in Scala when Scala is running; without Scala,
 *       {@code expr} must be a {@code kernel.data} key.
 * </ul>
 */
final class NotebookValues implements Substitution.Values {

  private final KernelContext context;
  private final ExecutionRequest cell;
  private final Optional<ScalaValues> scala;

  NotebookValues(KernelContext context, ExecutionRequest cell) {
    this.context = context;
    this.cell = cell;
    this.scala = ScalaValues.running(context);
  }

  @Override
  public String variable(String name) throws Exception {
    if (scala.isPresent() && scala.get().evaluate(name, cell) instanceof ScalaValues.Value value) {
      return String.valueOf(value.value());
    }
    return data(name)
        .orElseThrow(
            () ->
                new SubstitutionException(
                    "$"
                        + name
                        + ": no "
                        + (scala.isPresent() ? "Scala value or " : "")
                        + "kernel.data entry named '"
                        + name
                        + "' (write $$ for a literal $)"));
  }

  @Override
  public String expression(String expression) throws Exception {
    if (scala.isPresent()) {
      ScalaValues.Evaluation evaluation = scala.get().evaluate(expression, cell);
      if (evaluation instanceof ScalaValues.Value value) {
        return String.valueOf(value.value());
      }
      throw new SubstitutionException(
          "${" + expression + "}: " + ((ScalaValues.Failure) evaluation).message());
    }
    String key = expression.strip();
    return data(key)
        .orElseThrow(
            () ->
                new SubstitutionException(
                    "${"
                        + expression
                        + "}: no Scala interpreter is running, so ${...} must name a"
                        + " kernel.data entry, and there is none named '"
                        + key
                        + "'"));
  }

  private Optional<String> data(String key) {
    return Optional.ofNullable(context.data().get(key)).map(String::valueOf);
  }
}
