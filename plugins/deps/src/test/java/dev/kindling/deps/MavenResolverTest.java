package dev.kindling.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution from a file-based Maven repository written by the test. */
class MavenResolverTest {

  @TempDir Path dir;

  private void publish(String artifact, String version, String dependencies) throws Exception {
    Path folder = dir.resolve("repo/org/example").resolve(artifact).resolve(version);
    Files.createDirectories(folder);
    JarFetcherTest.jar(folder.resolve(artifact + "-" + version + ".jar"));
    Files.writeString(
        folder.resolve(artifact + "-" + version + ".pom"),
        "<project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId>"
            + "<artifactId>"
            + artifact
            + "</artifactId><version>"
            + version
            + "</version><dependencies>"
            + dependencies
            + "</dependencies></project>");
  }

  private static String dependency(String group, String artifact, String version) {
    return "<dependency><groupId>"
        + group
        + "</groupId><artifactId>"
        + artifact
        + "</artifactId><version>"
        + version
        + "</version></dependency>";
  }

  private MavenResolver.Resolution resolve(String arguments, KernelArtifacts kernel)
      throws Exception {
    DependencyArguments request =
        DependencyArguments.parse(
            arguments + " --repository " + dir.resolve("repo").toUri(), "2.13");
    return new MavenResolver(dir.resolve("local"), false)
        .resolve(
            request,
            kernel,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  void transitiveDependenciesWithoutWhatTheKernelHas() throws Exception {
    publish("app", "1.0", dependency("org.example", "lib", "2.0") + dependency("x.y", "k", "1"));
    publish("lib", "2.0", "");
    Path kernelJar = JarFetcherTest.jar(dir.resolve("k-3.jar"));
    KernelArtifacts kernel = new KernelArtifacts().with(java.util.List.of(kernelJar));

    MavenResolver.Resolution resolution = resolve("org.example:app:1.0", kernel);

    assertThat(resolution.jars())
        .extracting(MavenResolver.Resolved::coordinate)
        .containsExactly("org.example:app:1.0", "org.example:lib:2.0");
    assertThat(resolution.jars().get(0).file()).startsWith(dir.resolve("local"));
    assertThat(resolution.provided()).containsExactly("x.y:k:3");
    assertThat(resolution.conflicts()).singleElement().asString().contains("x.y:k:1 is wanted");
  }

  @Test
  void intransitiveAndExcludedResolveWithoutAMissingDependency() throws Exception {
    publish("app", "1.0", dependency("org.example", "absent", "1.0"));
    KernelArtifacts kernel = new KernelArtifacts();

    assertThatThrownBy(() -> resolve("org.example:app:1.0", kernel))
        .isInstanceOf(DependencyException.class)
        .hasMessageContaining("could not resolve org.example:app:1.0 from [file:")
        .hasMessageContaining("org.example:absent");
    assertThat(resolve("org.example:app:1.0 --intransitive", kernel).jars()).hasSize(1);
    assertThat(resolve("org.example:app:1.0 --exclude org.example:absent", kernel).jars())
        .hasSize(1);
  }
}
