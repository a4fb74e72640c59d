package dev.kindling.pyspark;

import dev.kindling.api.Configuration;
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
  private volatile String languageOf = "";

  @Override
  public String name() {
    return "PySpark";
  }

  @Override
  public List<String> aliases() {
    return List.of("python", "pyspark");
  }

  /** Python's language info, with the version of {@code python3} on the PATH. */
  @Override
  public LanguageInfo languageInfo() {
    return languageInfo(PySparkSettings.DEFAULT_PYTHON);
  }

  /** Python's language info, with the version of the configured executable. */
  @Override
  public LanguageInfo languageInfo(Configuration configuration) {
    return languageInfo(PySparkSettings.python(configuration));
  }

  private LanguageInfo languageInfo(String executable) {
    LanguageInfo known = language;
    if (known == null || !executable.equals(languageOf)) {
      known = python(versionOf(executable));
      language = known;
      languageOf = executable;
    }
    return known;
  }

  @Override
  public Interpreter create(KernelContext context) {
    return new PySparkInterpreter(context, languageInfo(context.configuration()));
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
