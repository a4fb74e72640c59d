package dev.kindling.kernel.kernelspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecWriterTest {

  private static final Path LAUNCHER = Path.of("/opt/kindling/bin/kindling");

  @TempDir Path kernels;

  private final List<KernelSpec> specs =
      KernelSpecFactory.specs(InstallSettings.defaults(LAUNCHER));

  @Test
  void writesKernelJsonWithMessageInterruptsAndBothLogos() throws IOException {
    Path dir = new KernelSpecWriter(kernels).install(specs.get(0), false);

    assertThat(dir).isEqualTo(kernels.resolve("kindling_scala"));
    JsonNode json = new ObjectMapper().readTree(dir.resolve("kernel.json").toFile());
    assertThat(json.path("display_name").asText()).isEqualTo("Kindling (Scala)");
    assertThat(json.path("language").asText()).isEqualTo("scala");
    assertThat(json.path("interrupt_mode").asText()).isEqualTo("message");
    assertThat(json.path("argv").get(0).asText()).isEqualTo("/opt/kindling/bin/kindling");
    assertThat(json.path("argv").get(3).asText()).isEqualTo("{connection_file}");
    assertThat(json.path("metadata").path("kindling").path("interpreter").asText())
        .isEqualTo("Scala");
    for (String logo : List.of("logo-32x32.png", "logo-64x64.png")) {
      byte[] png = Files.readAllBytes(dir.resolve(logo));
      assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
  }

  @Test
  void reinstallingReplacesAnEarlierKindlingSpecEntirely() throws IOException {
    KernelSpecWriter writer = new KernelSpecWriter(kernels);
    Path dir = writer.install(specs.get(0), false);
    Files.writeString(dir.resolve("left-over.txt"), "from an older version");

    writer.install(specs.get(0), false);

    assertThat(dir.resolve("left-over.txt")).doesNotExist();
    assertThat(dir.resolve("kernel.json")).exists();
  }

  @Test
  void aForeignSpecOfTheSameNameIsKeptUnlessReplacingIsAsked() throws IOException {
    Path foreign = Files.createDirectories(kernels.resolve("kindling_scala"));
    Files.writeString(foreign.resolve("kernel.json"), "{\"argv\": [\"other\"], \"metadata\": {}}");
    KernelSpecWriter writer = new KernelSpecWriter(kernels);

    assertThatThrownBy(() -> writer.install(specs.get(0), false))
        .isInstanceOf(KernelSpecConflictException.class)
        .hasMessageContaining("--replace");
    assertThat(Files.readString(foreign.resolve("kernel.json"))).contains("other");

    writer.install(specs.get(0), true);
    assertThat(KernelSpecWriter.isKindlingSpec(foreign)).isTrue();
  }

  @Test
  void uninstallRemovesOnlyKindlingSpecs() throws IOException {
    KernelSpecWriter writer = new KernelSpecWriter(kernels);
    specs.forEach(spec -> writer.install(spec, false));
    Path python = Files.createDirectories(kernels.resolve("python3"));
    Files.writeString(python.resolve("kernel.json"), "{\"argv\": [\"python\"], \"metadata\": {}}");

    List<String> removed = writer.uninstall(Optional.empty());

    assertThat(removed)
        .containsExactly("kindling_pyspark", "kindling_scala", "kindling_sparkr", "kindling_sql");
    assertThat(kernels.resolve("python3/kernel.json")).exists();
    assertThat(writer.kindlingSpecDirs()).isEmpty();
  }

  @Test
  void uninstallByNameKeepsTheOtherInstallations() {
    KernelSpecWriter writer = new KernelSpecWriter(kernels);
    writer.install(specs.get(0), false);
    InstallSettings team =
        new InstallSettings(
            LAUNCHER,
            "team",
            List.of(KindlingInterpreter.named("Scala")),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            java.util.Map.of());
    writer.install(KernelSpecFactory.specs(team).get(0), false);

    assertThat(writer.uninstall(Optional.of("team"))).containsExactly("team_scala");
    assertThat(writer.kindlingSpecDirs())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("kindling_scala");
  }

  @Test
  void uninstallingFromADirectoryThatDoesNotExistRemovesNothing() {
    assertThat(new KernelSpecWriter(kernels.resolve("missing")).uninstall(Optional.empty()))
        .isEmpty();
  }
}
