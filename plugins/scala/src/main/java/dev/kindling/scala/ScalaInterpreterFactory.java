package dev.kindling.scala;

import dev.kindling.api.Interpreter;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import dev.kindling.api.spark.SparkSettings;
import dev.kindling.api.spark.SparkSettingsContributor;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.pf4j.Extension;

/**
 * Contributes the {@code Scala} interpreter, and the Spark settings it needs before the session
 * starts: the REPL's class output directory, which the driver serves to executors.
 */
@Extension
public final class ScalaInterpreterFactory implements InterpreterFactory, SparkSettingsContributor {

  /** The setting through which SparkContext serves REPL classes to executors. */
  static final String REPL_CLASS_OUTPUT_DIR = "spark.repl.class.outputDir";

  /**
   * Spark 4 gives each session an isolated artifact directory by default, which hides REPL classes
   * from executors; spark-shell turns it off for the same reason.
   */
  static final String ARTIFACT_ISOLATION = "spark.sql.artifact.isolation.enabled";

  static final LanguageInfo LANGUAGE =
      new LanguageInfo("scala", scalaVersion(), "text/x-scala", ".scala", "scala", "text/x-scala");

  private final ReplOutputDirectory outputDirectory = new ReplOutputDirectory();

  /**
   * The Scala library's version, read from its {@code library.properties} as {@code
   * scala.util.Properties} does, without initialising Scala objects while the kernel starts.
   */
  static String scalaVersion() {
    try (InputStream in = scala.Option.class.getResourceAsStream("/library.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      String version = properties.getProperty("version.number");
      return version != null ? version : scala.util.Properties.versionNumberString();
    } catch (IOException e) {
      return scala.util.Properties.versionNumberString();
    }
  }

  @Override
  public String name() {
    return "Scala";
  }

  @Override
  public List<String> aliases() {
    return List.of("scala");
  }

  @Override
  public LanguageInfo languageInfo() {
    return LANGUAGE;
  }

  @Override
  public void contribute(SparkSettings settings) {
    settings.set(REPL_CLASS_OUTPUT_DIR, outputDirectory.path().toString());
    settings.setIfMissing(ARTIFACT_ISOLATION, "false");
  }

  @Override
  public Interpreter create(KernelContext context) {
    return ScalaInterpreter.start(context, outputDirectory.path());
  }
}
