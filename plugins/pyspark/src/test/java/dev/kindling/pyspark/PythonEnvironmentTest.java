package dev.kindling.pyspark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.Configuration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PythonEnvironmentTest {

  private static PythonEnvironment python(Optional<String> ipykernel, Optional<String> pyspark) {
    return new PythonEnvironment("/opt/py/bin/python", "3.11.7", ipykernel, pyspark);
  }

  @Test
  void aMatchingEnvironmentIsUsable() throws PySparkSetupException {
    python(Optional.of("7.4.0"), Optional.of("4.2.0")).requireUsableWith("4.2.0");
  }

  @Test
  void aDifferentPysparkNamesBothVersionsAndTheFix() {
    assertThatThrownBy(
            () -> python(Optional.of("7.4.0"), Optional.of("4.1.1")).requireUsableWith("4.2.0"))
        .isInstanceOf(PySparkSetupException.class)
        .hasMessageContaining("pyspark 4.1.1")
        .hasMessageContaining("Spark 4.2.0")
        .hasMessageContaining("pip install pyspark==4.2.0 ipykernel");
  }

  @Test
  void missingPackagesAreNamedWithTheFix() {
    assertThatThrownBy(
            () -> python(Optional.empty(), Optional.of("4.2.0")).requireUsableWith("4.2.0"))
        .hasMessageStartingWith("ipykernel is not installed for /opt/py/bin/python (Python 3.11.7)")
        .hasMessageContaining("pip install pyspark==4.2.0 ipykernel");
    assertThatThrownBy(() -> python(Optional.empty(), Optional.empty()).requireUsableWith("4.2.0"))
        .hasMessageStartingWith("pyspark and ipykernel are not installed");
  }

  @Test
  void aMissingExecutableSaysHowToConfigureOne() {
    assertThatThrownBy(() -> PythonEnvironment.probe("/no/such/python"))
        .isInstanceOf(PySparkSetupException.class)
        .hasMessageContaining("--conf kindling.python=");
  }

  @Test
  void theFactoryDescribesPython() {
    PySparkInterpreterFactory factory = new PySparkInterpreterFactory();
    assertThat(factory.name()).isEqualTo("PySpark");
    assertThat(factory.aliases()).containsExactly("python", "pyspark");
    assertThat(factory.languageInfo().name()).isEqualTo("python");
    assertThat(factory.languageInfo().mimetype()).isEqualTo("text/x-python");
    assertThat(factory.languageInfo().fileExtension()).isEqualTo(".py");
    assertThat(factory.languageInfo().pygmentsLexer()).isEqualTo("ipython3");
  }

  @Test
  void kernelInfoReportsTheConfiguredPythonsVersion() throws PySparkSetupException {
    String onPath = PythonEnvironment.probe("python3").pythonVersion();
    PySparkInterpreterFactory factory = new PySparkInterpreterFactory();
    assertThat(factory.languageInfo(configuration("other.setting", "x")).version())
        .isEqualTo(onPath);
    // An executable that cannot run still gives a language ("3"); the cell then says why.
    assertThat(
            factory
                .languageInfo(configuration(PySparkSettings.PYTHON, "/no/such/python"))
                .version())
        .isEqualTo("3");
  }

  private static Configuration configuration(String key, String value) {
    return new Configuration() {
      @Override
      public Optional<String> get(String wanted) {
        return wanted.equals(key) ? Optional.of(value) : Optional.empty();
      }

      @Override
      public Map<String, String> asMap() {
        return Map.of(key, value);
      }
    };
  }
}
