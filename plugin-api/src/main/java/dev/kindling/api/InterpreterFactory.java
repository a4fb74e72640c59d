package dev.kindling.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Extension point contributing an interpreter. The kernel creates at most one interpreter per
 * factory, the first time a cell needs it (or at start-up for the default interpreter).
 */
public interface InterpreterFactory extends ExtensionPoint {

  /** The interpreter's name, for example {@code Scala}; matched case-insensitively. */
  String name();

  /** Other names that select this interpreter (for example {@code python} for PySpark). */
  default List<String> aliases() {
    return List.of();
  }

  /**
   * The interpreter's language, known without starting it: the kernel answers {@code kernel_info}
   * with it at once, while the interpreter may still be starting.
   */
  LanguageInfo languageInfo();

  /**
   * The interpreter's language under these kernel settings, for {@code kernel_info}; also known
   * without starting it. A factory whose language depends on a setting (the version of a configured
   * Python executable, say) overrides this. {@link #languageInfo()} by default.
   */
  default LanguageInfo languageInfo(Configuration configuration) {
    return languageInfo();
  }

  /** Creates the interpreter. Called once, on the kernel's execution thread. */
  Interpreter create(KernelContext context) throws Exception;
}
