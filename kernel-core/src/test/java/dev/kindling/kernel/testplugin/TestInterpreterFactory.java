package dev.kindling.kernel.testplugin;

import dev.kindling.api.Interpreter;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import dev.kindling.api.spark.SparkSettings;
import dev.kindling.api.spark.SparkSettingsContributor;
import java.util.List;
import org.pf4j.Extension;

/**
 * Contributes the {@code kindling-test} language as interpreter {@code test}, and the Spark setting
 * {@code spark.kindling.test.contributor=test-plugin} unless the user set it.
 */
@Extension
public final class TestInterpreterFactory implements InterpreterFactory, SparkSettingsContributor {

  @Override
  public String name() {
    return "test";
  }

  @Override
  public List<String> aliases() {
    return List.of("kindling-test");
  }

  @Override
  public LanguageInfo languageInfo() {
    return TestInterpreter.LANGUAGE;
  }

  @Override
  public Interpreter create(KernelContext context) {
    return new TestInterpreter(context);
  }

  @Override
  public void contribute(SparkSettings settings) {
    settings.setIfMissing("spark.kindling.test.contributor", "test-plugin");
  }
}
