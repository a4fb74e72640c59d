package dev.kindling.kernel.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.pf4j.util.FileUtils;
import org.pf4j.util.Unzip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks zip plugins ({@code classes/} plus {@code lib/*.jar}) into a cache shared by every kernel
 * of the user, so that a kernel starts without unpacking megabytes of jars each time.
 *
 * <p>PF4J unpacks a zip beside itself. The kernel does not: its plugins directory may be read-only
 * (an installed distribution), and several kernels starting at once would unpack over each other's
 * class path. Instead each zip is unpacked once into {@code <cache>/<name>-<size>-<mtime>}: a zip
 * replaced by another gets a new entry, and an entry appears in one atomic rename of a completely
 * unpacked directory, so kernels starting together never see half of one. The cache is {@code
 * kindling.plugin.cache} (system property), else {@code $XDG_CACHE_HOME/kindling/plugins}, else
 * {@code ~/.cache/kindling/plugins}. When it cannot be written the zip is unpacked into a directory
 * of this kernel's own, deleted when the kernel closes its plugins.
 */
final class ZipPluginExpander implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ZipPluginExpander.class);

  private final Optional<Path> cache;
  private Path privateDirectory;

  /** An expander using the user's plugin cache. */
  ZipPluginExpander() {
    this(defaultCache());
  }

  /** An expander using {@code cache}, or only private directories when empty. */
  ZipPluginExpander(Optional<Path> cache) {
    this.cache = cache;
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
        Optional<Path> cached = cached(zip, cache.get());
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
   * The cache entry of {@code zip}, unpacked now if it is not there yet; empty when the cache
   * cannot be used (then the caller unpacks privately).
   */
  private static Optional<Path> cached(Path zip, Path cache) throws IOException {
    Path entry = cache.resolve(entryName(zip));
    if (Files.isDirectory(entry)) {
      return Optional.of(entry);
    }
    Path staging;
    try {
      Files.createDirectories(cache);
      staging = Files.createTempDirectory(cache, ".unpacking-");
    } catch (IOException e) {
      log.info("Plugin cache {} is not writable ({}); unpacking per kernel", cache, e.toString());
      return Optional.empty();
    }
    try {
      new Unzip(zip.toFile(), staging.toFile()).extract();
    } catch (IOException e) {
      FileUtils.delete(staging);
      throw e;
    }
    try {
      Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
      log.debug("Unpacked plugin {} into {}", zip, entry);
    } catch (IOException e) {
      FileUtils.delete(staging);
      if (!Files.isDirectory(entry)) {
        log.info(
            "Plugin cache {} cannot take {} ({}); unpacking per kernel", cache, zip, e.toString());
        return Optional.empty();
      }
      // Another kernel unpacked the same zip first: its entry is complete, since it was renamed.
    }
    return Optional.of(entry);
  }

  /** {@code <zip name without .zip>-<size>-<mtime millis>}: changes when the zip is replaced. */
  static String entryName(Path zip) throws IOException {
    String name = zip.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
      name = name.substring(0, name.length() - 4);
    }
    return name + "-" + Files.size(zip) + "-" + Files.getLastModifiedTime(zip).toMillis();
  }

  private static Optional<Path> defaultCache() {
    String configured = System.getProperty("kindling.plugin.cache");
    if (configured != null) {
      return configured.isBlank() ? Optional.empty() : Optional.of(Path.of(configured));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(Path.of(xdg, "kindling", "plugins"));
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(home, ".cache", "kindling", "plugins"));
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

  /** Deletes what this expander unpacked for this kernel alone (never the shared cache). */
  @Override
  public synchronized void close() {
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
