package dev.kindling.api;

import java.util.List;
import java.util.Optional;

/** The interpreters the kernel can run code in (for {@code %%scala}-style magics, for example). */
public interface Interpreters {

  /** The names of every available interpreter. */
  List<String> names();

  /** The name of the interpreter that runs cells without a language magic. */
  String defaultName();

  /**
   * The interpreter with this name or alias, ignoring case, created on first use. Empty when no
   * plugin provides it.
   *
   * @throws IllegalStateException when the interpreter exists but could not be started; the message
   *     says why
   */
  Optional<Interpreter> get(String name);

  /**
   * The interpreter with this name or alias (ignoring case) if it has already been created; never
   * starts one. For plugins that use another language only when the notebook already does (the SQL
   * magic reading Scala variables, for example). Empty by default.
   */
  default Optional<Interpreter> started(String name) {
    return Optional.empty();
  }
}
