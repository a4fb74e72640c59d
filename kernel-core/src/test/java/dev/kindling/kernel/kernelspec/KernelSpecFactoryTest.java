package dev.kindling.kernel.kernelspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelSpecFactoryTest {

  private static final Path LAUNCHER = Path.of("/opt/kindling-1.0/bin/kindling");

  @Test
  void oneSpecPerShippedInterpreterByDefault() {
    List<KernelSpec> specs = KernelSpecFactory.specs(InstallSettings.defaults(LAUNCHER));

    assertThat(specs)
        .extracting(KernelSpec::name)
        .containsExactly("kindling_scala", "kindling_pyspark", "kindling_sparkr", "kindling_sql");
    assertThat(specs)
        .extracting(KernelSpec::displayName)
        .containsExactly(
            "Kindling (Scala)", "Kindling (PySpark)", "Kindling (SparkR)", "Kindling (SQL)");
    assertThat(specs)
        .extracting(KernelSpec::language)
        .containsExactly("scala", "python", "R", "sql");
  }

  @Test
  void argvCallsTheLauncherWithTheInterpreterAndNoEnvironmentByDefault() {
    KernelSpec scala = KernelSpecFactory.specs(InstallSettings.defaults(LAUNCHER)).get(0);

    assertThat(scala.argv())
        .containsExactly(
            "/opt/kindling-1.0/bin/kindling",
            "kernel",
            "-f",
            "{connection_file}",
            "--default-interpreter",
            "Scala");
    assertThat(scala.env()).isEmpty();
    assertThat(scala.metadata()).containsKey("kindling");
    @SuppressWarnings("unchecked")
    Map<String, Object> kindling = (Map<String, Object>) scala.metadata().get("kindling");
    assertThat(kindling).containsEntry("interpreter", "Scala");
  }

  @Test
  void sparkAndPythonSettingsReachTheEnvironmentAndTheKernelOptions() {
    InstallSettings settings =
        new InstallSettings(
            LAUNCHER,
            "Team",
            List.of(KindlingInterpreter.named("pyspark")),
            Optional.of(Path.of("/opt/spark")),
            Optional.of("--master yarn"),
            Optional.of("/env/bin/python"),
            Optional.of(Path.of("/srv/plugins")),
            Optional.of("lazy"),
            Map.of("spark.sql.shuffle.partitions", "4"));

    KernelSpec spec = KernelSpecFactory.specs(settings).get(0);

    assertThat(spec.name()).isEqualTo("team_pyspark");
    assertThat(spec.displayName()).isEqualTo("Kindling team (PySpark)");
    assertThat(spec.env())
        .containsEntry("SPARK_HOME", "/opt/spark")
        .containsEntry("SPARK_OPTS", "--master yarn")
        .containsEntry("PYSPARK_PYTHON", "/env/bin/python");
    assertThat(spec.argv())
        .containsSequence("--default-interpreter", "PySpark")
        .containsSequence("--plugins-dir", "/srv/plugins")
        .containsSequence("--spark-init", "lazy")
        .containsSequence("--conf", "spark.sql.shuffle.partitions=4")
        .containsSequence("--conf", "kindling.python=/env/bin/python");
  }

  @Test
  void aPluginsInterpreterGetsASpecNamedAfterIt() {
    KindlingInterpreter test = KindlingInterpreter.named("test");

    assertThat(test).isEqualTo(new KindlingInterpreter("test", "test"));
    assertThat(KindlingInterpreter.named("SCALA")).isEqualTo(KindlingInterpreter.SHIPPED.get(0));
  }

  @Test
  void namesThatCannotBeKernelNamesAreRefused() {
    assertThatThrownBy(() -> KindlingInterpreter.named("my lang"))
        .hasMessageContaining("'my lang' is not an interpreter name");
    assertThatThrownBy(
            () ->
                new InstallSettings(
                    LAUNCHER,
                    "a/b",
                    KindlingInterpreter.SHIPPED,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Map.of()))
        .hasMessageContaining("'a/b' cannot start a kernel name");
    assertThatThrownBy(() -> InstallSettings.defaults(Path.of("bin/kindling")))
        .hasMessageContaining("must be absolute");
  }
}
