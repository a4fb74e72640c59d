package dev.kindling.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarFetcherTest {

  @TempDir Path dir;

  static Path jar(Path file) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }
    return file;
  }

  @Test
  void aLocalJarIsCopiedOnceAndAgainWhenForced() throws Exception {
    Path source = jar(dir.resolve("lib.jar"));
    JarFetcher fetcher = new JarFetcher(dir.resolve("cache"));

    JarFetcher.FetchedJar first = fetcher.fetch(source.toString(), false);
    JarFetcher.FetchedJar second = fetcher.fetch(source.toUri().toString(), false);
    JarFetcher.FetchedJar forced = fetcher.fetch(source.toString(), true);

    assertThat(first.reused()).isFalse();
    assertThat(first.file()).startsWith(dir.resolve("cache")).hasFileName("lib.jar");
    assertThat(second.reused()).isTrue();
    assertThat(second.file()).isEqualTo(first.file());
    assertThat(forced.reused()).isFalse();
  }

  @Test
  void aFileThatIsNotAJarLeavesNothingInTheCache() throws Exception {
    Path text = Files.writeString(dir.resolve("text.jar"), "not a zip");
    JarFetcher fetcher = new JarFetcher(dir.resolve("cache"));

    assertThatThrownBy(() -> fetcher.fetch(text.toString(), false))
        .isInstanceOf(DependencyException.class)
        .hasMessageContaining("is not a jar");
    try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void missingFilesAndUnsupportedSchemesAreReported() {
    JarFetcher fetcher = new JarFetcher(dir.resolve("cache"));
    assertThatThrownBy(() -> fetcher.fetch(dir.resolve("none.jar").toString(), false))
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> fetcher.fetch("hdfs://nn/x.jar", false))
        .hasMessageContaining("unsupported location");
  }
}
