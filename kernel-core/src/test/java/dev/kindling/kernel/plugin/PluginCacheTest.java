package dev.kindling.kernel.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginCacheTest {

  @TempDir Path plugins;
  @TempDir Path directory;

  @Test
  void anEntryReplacedByANewerZipIsDeletedOnceNoKernelUsesIt() throws IOException {
    Path zip = zip("kindling-thing.zip", "first");
    PluginCache first = PluginCache.at(directory);
    Path old = first.entry(zip).orElseThrow();
    assertThat(old.resolve("classes/data.txt")).hasContent("first");

    Path replaced = zip("kindling-thing.zip", "second, and longer");
    PluginCache second = PluginCache.at(directory);
    Path current = second.entry(replaced).orElseThrow();
    assertThat(current).isNotEqualTo(old);

    assertThat(second.prune(Instant.now())).as("the first kernel still uses it").isEmpty();
    first.release();
    assertThat(second.prune(Instant.now())).containsExactly(old);
    assertThat(old).doesNotExist();
    assertThat(lockFileOf(old)).doesNotExist();
    assertThat(current.resolve("classes/data.txt")).hasContent("second, and longer");

    second.release();
    assertThat(PluginCache.at(directory).prune(Instant.now()))
        .as("the newest entry of a plugin stays")
        .isEmpty();
  }

  @Test
  void twoInstallationsUsedInTurnKeepAnEntryEach() throws IOException {
    Path first = zip("kindling-thing.zip", "first");
    Path secondInstallation = Files.createDirectories(plugins.resolve("other"));
    Path second = zip(secondInstallation.resolve("kindling-thing.zip"), "second, and longer");
    PluginCache cache = PluginCache.at(directory);
    Path firstEntry = cache.entry(first).orElseThrow();
    Path secondEntry = cache.entry(second).orElseThrow();
    cache.release();
    lastUsedAgo(firstEntry, Duration.ofHours(1));

    assertThat(cache.prune(Instant.now())).as("neither zip was replaced").isEmpty();

    Path upgraded = zip("kindling-thing.zip", "first, upgraded");
    Path upgradedEntry = cache.entry(upgraded).orElseThrow();
    cache.release();
    assertThat(cache.prune(Instant.now())).containsExactly(firstEntry);
    assertThat(secondEntry).exists();
    assertThat(upgradedEntry).exists();
  }

  @Test
  void anEntryAKernelInAnotherProcessUsesIsKept() throws Exception {
    Path zip = zip("kindling-thing.zip", "first");
    PluginCache cache = PluginCache.at(directory);
    Path old = cache.entry(zip).orElseThrow();
    cache.release();
    Process other = holdSharedLock(lockFileOf(old));
    try {
      cache.entry(zip("kindling-thing.zip", "second, and longer"));
      assertThat(cache.prune(Instant.now())).isEmpty();
      assertThat(old.resolve("classes/data.txt")).hasContent("first");
    } finally {
      other.destroy();
      assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(cache.prune(Instant.now())).containsExactly(old);
    cache.release();
  }

  @Test
  void theNewestEntryGoesAfterAWeekUnused() throws IOException {
    PluginCache cache = PluginCache.at(directory);
    Path entry = cache.entry(zip("kindling-thing.zip", "only")).orElseThrow();
    cache.release();

    assertThat(cache.prune(Instant.now().plus(Duration.ofDays(6)))).isEmpty();
    assertThat(cache.prune(Instant.now().plus(Duration.ofDays(8)))).containsExactly(entry);
  }

  @Test
  void usingAnEntryAgainMarksItAsUsed() throws IOException {
    Path zip = zip("kindling-thing.zip", "only");
    PluginCache cache = PluginCache.at(directory);
    Path entry = cache.entry(zip).orElseThrow();
    cache.release();
    lastUsedAgo(entry, Duration.ofDays(9));

    assertThat(cache.entry(zip)).contains(entry);
    cache.release();
    assertThat(cache.prune(Instant.now().plus(Duration.ofDays(6)))).isEmpty();
  }

  @Test
  void stagingDirectoriesOfKernelsThatDiedWhileUnpackingAreDeleted() throws IOException {
    Path abandoned = Files.createDirectories(directory.resolve(".unpacking-123"));
    Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Path inProgress = Files.createDirectories(directory.resolve(".unpacking-456"));

    assertThat(PluginCache.at(directory).prune(Instant.now())).containsExactly(abandoned);
    assertThat(inProgress).exists();
  }

  @Test
  void aMissingCacheDirectoryIsNotAnError() {
    assertThat(PluginCache.at(directory.resolve("never-made")).prune(Instant.now())).isEmpty();
  }

  private Path lockFileOf(Path entry) {
    return directory.resolve(entry.getFileName() + ".lock");
  }

  private void lastUsedAgo(Path entry, Duration age) throws IOException {
    Files.setLastModifiedTime(lockFileOf(entry), FileTime.from(Instant.now().minus(age)));
  }

  private Path zip(String name, String content) throws IOException {
    return zip(plugins.resolve(name), content);
  }

  private static Path zip(Path zip, String content) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream archive = new ZipOutputStream(out)) {
      archive.putNextEntry(new ZipEntry("classes/data.txt"));
      archive.write(content.getBytes(StandardCharsets.UTF_8));
      archive.closeEntry();
    }
    return zip;
  }

  /** Another JVM that takes a shared lock on {@code lockFile}, as a running kernel does. */
  private static Process holdSharedLock(Path lockFile) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                lockFile.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    assertThat(output.readLine()).isEqualTo("locked");
    return process;
  }

  /** The other process of {@link #anEntryAKernelInAnotherProcessUsesIsKept}. */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      try (FileChannel channel =
          FileChannel.open(
              Path.of(args[0]),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE)) {
        channel.lock(0, Long.MAX_VALUE, true);
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(60_000);
      }
    }
  }
}
