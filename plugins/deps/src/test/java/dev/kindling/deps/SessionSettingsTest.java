package dev.kindling.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.MagicUsageException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {

  @Test
  void confAndSparkmagicKeysBecomeSparkSettings() {
    SessionSettings settings =
        SessionSettings.parse(
            "{\"conf\": {\"spark.sql.shuffle.partitions\": 4, \"spark.ui.enabled\": false},"
                + " \"driverMemory\": \"2g\", \"numExecutors\": 3, \"jars\": [\"a.jar\", \"b.jar\"],"
                + " \"proxyUser\": \"bob\"}");

    assertThat(settings.spark())
        .isEqualTo(
            Map.of(
                "spark.sql.shuffle.partitions", "4",
                "spark.ui.enabled", "false",
                "spark.driver.memory", "2g",
                "spark.executor.instances", "3",
                "spark.jars", "a.jar,b.jar"));
    assertThat(settings.ignored()).containsExactly("proxyUser");
  }

  @Test
  void whatCannotApplyDependsOnTheMaster() {
    SessionSettings settings =
        SessionSettings.parse("{\"executorCores\": 2, \"driverMemory\": \"1g\"}");

    assertThat(settings.notApplicable("local[*]"))
        .hasSize(2)
        .anySatisfy(n -> assertThat(n).startsWith("driverMemory (spark.driver.memory)"))
        .anySatisfy(
            n -> assertThat(n).startsWith("executorCores (spark.executor.cores): no effect"));
    assertThat(settings.notApplicable("spark://host:7077")).hasSize(1);
  }

  @Test
  void badBodiesAreUsageErrors() {
    assertThatThrownBy(() -> SessionSettings.parse("")).isInstanceOf(MagicUsageException.class);
    assertThatThrownBy(() -> SessionSettings.parse("[1]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> SessionSettings.parse("{\"conf\": 3}"))
        .hasMessageContaining("\"conf\" must be an object");
    assertThatThrownBy(() -> SessionSettings.parse("{\"conf\": {\"k\": {}}}"))
        .hasMessageContaining("\"k\" must be a string");
    assertThatThrownBy(() -> SessionSettings.parse("{\"memory\": \"1g\"}"))
        .hasMessageContaining("unknown setting \"memory\"");
  }
}
