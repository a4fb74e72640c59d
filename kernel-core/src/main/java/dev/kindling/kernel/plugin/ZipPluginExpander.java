package dev.kindling.kernel.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.pf4j.util.FileUtils;
import org.pf4j.util.Unzip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks zip plugins ({@code classes/} plus {@code lib/*.jar}) into the {@link PluginCache} shared
 * by every kernel of the user, so that a kernel starts without unpacking megabytes of jars each
 * time.
 *
 * <p>PF4J unpacks a zip beside itself. The kernel does not: its plugins directory may be read-only
 * (an installed distribution), and several kernels starting at once would unpack over each other's
 * class path. When the cache cannot be written the zip is unpacked into a directory of this
 * kernel's own, deleted when the kernel closes its plugins.
 */
final class ZipPluginExpander implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ZipPluginExpander.class);

  /** How long after start-up the cache is pruned: out of the way of the first requests. */
  private static final long PRUNE_DELAY_SECONDS = 30;

  private final Optional<PluginCache> cache;
  private Path privateDirectory;

  /** An expander using the user's plugin cache. */
  ZipPluginExpander() {
    this.cache = PluginCache.user();
  }

  /** An expander using the cache in {@code cache}, or only private directories when empty. */
  ZipPluginExpander(Optional<Path> cache) {
    this.cache = cache.map(PluginCache::at);
  }

  /**
   * Unpacks {@code zip} (or finds it unpacked) and returns the directory to load the plugin from.
   *
   * @throws PluginRejectedException when the file is not a readable zip
   */
  synchronized Path expand(Path zip) {
    requireReadableArchive(zip);
    try {
      if (cache.isPresent()) {
        Optional<Path> cached = cache.get().entry(zip);
        if (cached.isPresent()) {
          return cached.get();
        }
      }
      if (privateDirectory == null) {
        privateDirectory = Files.createTempDirectory("kindling-plugins-");
      }
      Path target = privateDirectory.resolve(zip.getFileName().toString());
      new Unzip(zip.toFile(), target.toFile()).extract();
      log.debug("Unpacked plugin {} into {}", zip, target);
      return target;
    } catch (IOException e) {
      throw new PluginRejectedException(
          null, "cannot be unpacked: " + PluginRejectedException.describe(e), e);
    }
  }

  /**
   * Prunes the shared cache ({@link PluginCache#prune}) on a daemon thread, a while after start-up.
   */
  void pruneCacheLater() {
    cache.ifPresent(
        c ->
            CompletableFuture.delayedExecutor(PRUNE_DELAY_SECONDS, TimeUnit.SECONDS)
                .execute(() -> c.prune(Instant.now())));
  }

  /**
   * Checks that a jar or zip can be opened at all, so that a damaged file is reported as such
   * rather than as a plugin without a descriptor.
   *
   * @throws PluginRejectedException when it cannot
   */
  static void requireReadableArchive(Path file) {
    try (ZipFile archive = new ZipFile(file.toFile())) {
      log.trace("{} has {} entries", file, archive.size());
    } catch (IOException e) {
      String kind = PluginFileRepository.isZip(file) ? "zip" : "jar";
      throw new PluginRejectedException(
          null,
          "is not a readable " + kind + " file (" + PluginRejectedException.describe(e) + ")");
    }
  }

  /**
   * Deletes what this expander unpacked for this kernel alone, and drops its marks on the shared
   * cache's entries (which stay).
   */
  @Override
  public synchronized void close() {
    cache.ifPresent(PluginCache::release);
    if (privateDirectory == null) {
      return;
    }
    try {
      FileUtils.delete(privateDirectory);
    } catch (IOException e) {
      log.warn("Cannot delete unpacked plugins in {}: {}", privateDirectory, e.toString());
    }
    privateDirectory = null;
  }
}
