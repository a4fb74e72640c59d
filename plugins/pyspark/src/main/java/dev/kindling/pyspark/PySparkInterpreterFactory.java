package dev.kindling.pyspark;

import dev.kindling.api.Interpreter;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import java.util.List;
import org.pf4j.Extension;

/**
 * The PySpark interpreter ({@code python}, {@code pyspark}): Python cells in a real ipykernel child
 * process that shares the kernel's SparkSession.
 */
@Extension
public final class PySparkInterpreterFactory implements InterpreterFactory {

  private volatile LanguageInfo language;

  @Override
  public String name() {
    return "PySpark";
  }

  @Override
  public List<String> aliases() {
    return List.of("python", "pyspark");
  }

  /**
   * Python's language info, with the version of {@code python3} on the PATH (the kernel asks before
   * any setting is read); once an interpreter exists, the version of the configured one.
   */
  @Override
  public LanguageInfo languageInfo() {
    LanguageInfo known = language;
    return known != null ? known : python(versionOf(PySparkSettings.DEFAULT_PYTHON));
  }

  @Override
  public Interpreter create(KernelContext context) {
    language = python(versionOf(PySparkSettings.python(context.configuration())));
    return new PySparkInterpreter(context, language);
  }

  private static String versionOf(String executable) {
    try {
      return PythonEnvironment.probe(executable).pythonVersion();
    } catch (PySparkSetupException e) {
      return "3";
    }
  }

  static LanguageInfo python(String version) {
    return new LanguageInfo("python", version, "text/x-python", ".py", "ipython3", "ipython");
  }
}
