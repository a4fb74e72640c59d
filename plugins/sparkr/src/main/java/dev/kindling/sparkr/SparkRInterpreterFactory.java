package dev.kindling.sparkr;

import dev.kindling.api.Configuration;
import dev.kindling.api.Interpreter;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import java.util.List;
import org.pf4j.Extension;

/**
 * The SparkR interpreter ({@code r}, {@code sparkr}): R cells in a real IRkernel child process that
 * shares the kernel's SparkSession.
 */
@Extension
public final class SparkRInterpreterFactory implements InterpreterFactory {

  private volatile LanguageInfo language;
  private volatile String languageOf = "";

  @Override
  public String name() {
    return "SparkR";
  }

  @Override
  public List<String> aliases() {
    return List.of("r", "sparkr");
  }

  /** R's language info, with the version of {@code R} on the PATH. */
  @Override
  public LanguageInfo languageInfo() {
    return languageInfo(SparkRSettings.DEFAULT_R);
  }

  /** R's language info, with the version of the configured executable. */
  @Override
  public LanguageInfo languageInfo(Configuration configuration) {
    return languageInfo(SparkRSettings.r(configuration));
  }

  private LanguageInfo languageInfo(String executable) {
    LanguageInfo known = language;
    if (known == null || !executable.equals(languageOf)) {
      known = r(versionOf(executable));
      language = known;
      languageOf = executable;
    }
    return known;
  }

  @Override
  public Interpreter create(KernelContext context) {
    return new SparkRInterpreter(context, languageInfo(context.configuration()));
  }

  private static String versionOf(String executable) {
    try {
      return REnvironment.probe(executable).rVersion();
    } catch (SparkRSetupException e) {
      return "4";
    }
  }

  /** R's language info as IRkernel reports it. */
  static LanguageInfo r(String version) {
    return new LanguageInfo("R", version, "text/x-r-source", ".r", "r", "r");
  }
}
