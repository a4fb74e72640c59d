package dev.kindling.kernel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSparkSettingsTest {

  @TempDir Path dir;

  private Path defaultsFile(Path confDir, String text) throws IOException {
    Files.createDirectories(confDir);
    return Files.writeString(confDir.resolve("spark-defaults.conf"), text);
  }

  @Test
  void laterSourcesWinDefaultsFileThenSparkOptsThenKernelConf() throws IOException {
    defaultsFile(
        dir,
        "# cluster defaults\nspark.master  spark://cluster:7077\nspark.a from-file\n"
            + "spark.b=from-file\nspark.c from-file\n");
    Map<String, String> environment =
        Map.of(
            "SPARK_CONF_DIR",
            dir.toString(),
            "SPARK_OPTS",
            "--conf spark.b=from-opts -c spark.c=from-opts");

    KernelSparkSettings settings =
        KernelSparkSettings.read(
            environment, Map.of("spark.c", "from-kernel", "kindling.display.maxRows", "5"));

    assertThat(settings.asMap())
        .containsEntry("spark.master", "spark://cluster:7077")
        .containsEntry("spark.a", "from-file")
        .containsEntry("spark.b", "from-opts")
        .containsEntry("spark.c", "from-kernel")
        .doesNotContainKey("kindling.display.maxRows");
  }

  @Test
  void sparkConfDirTakesPrecedenceOverSparkHome() throws IOException {
    defaultsFile(dir.resolve("home/conf"), "spark.where home\n");
    defaultsFile(dir.resolve("confdir"), "spark.where confdir\n");

    KernelSparkSettings fromConfDir =
        KernelSparkSettings.read(
            Map.of(
                "SPARK_HOME", dir.resolve("home").toString(),
                "SPARK_CONF_DIR", dir.resolve("confdir").toString()),
            Map.of());
    KernelSparkSettings fromHome =
        KernelSparkSettings.read(Map.of("SPARK_HOME", dir.resolve("home").toString()), Map.of());

    assertThat(fromConfDir.get("spark.where")).contains("confdir");
    assertThat(fromHome.get("spark.where")).contains("home");
  }

  @Test
  void defaultsApplyOnlyWhereNothingElseSetsThem() {
    KernelSparkSettings settings =
        KernelSparkSettings.read(Map.of("SPARK_OPTS", "--name Mine"), Map.of());
    Properties system = new Properties();

    assertThat(settings.forSession(system))
        .containsEntry("spark.master", "local[*]")
        .containsEntry("spark.app.name", "Mine")
        .containsEntry("spark.ui.showConsoleProgress", "false");

    system.setProperty("spark.master", "yarn"); // what spark-submit passes
    assertThat(settings.forSession(system)).doesNotContainKey("spark.master");
  }

  @Test
  void contributorsSeeTheUserSettingsAndSetIfMissingKeepsThem() {
    KernelSparkSettings settings =
        KernelSparkSettings.read(Map.of(), Map.of("spark.repl.class.outputDir", "/user"));

    settings.setIfMissing("spark.repl.class.outputDir", "/plugin");
    settings.setIfMissing("spark.sql.artifact.isolation.enabled", "false");
    settings.set("spark.forced", "yes");

    assertThat(settings.get("spark.repl.class.outputDir")).contains("/user");
    assertThat(settings.asMap())
        .containsEntry("spark.sql.artifact.isolation.enabled", "false")
        .containsEntry("spark.forced", "yes");
  }

  @Test
  void aMissingDefaultsFileIsNoProblem() {
    KernelSparkSettings settings =
        KernelSparkSettings.read(Map.of("SPARK_HOME", dir.resolve("nowhere").toString()), Map.of());

    assertThat(settings.asMap()).isEmpty();
    assertThat(settings.warnings()).isEmpty();
  }
}
