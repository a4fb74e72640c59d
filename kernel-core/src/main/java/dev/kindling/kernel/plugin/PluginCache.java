package dev.kindling.kernel.plugin;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pf4j.util.FileUtils;
import org.pf4j.util.Unzip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's cache of unpacked zip plugins, shared by every kernel: {@code <name>-<size>-<mtime>/}
 * per zip, each beside a lock file {@code <name>-<size>-<mtime>.lock}.
 *
 * <p>A kernel holds a shared lock on the lock file of each entry it loads plugins from, for as long
 * as it runs (the operating system drops it when the process ends), and sets the file's time at
 * each use. {@link #prune} deletes an entry only under an exclusive lock, so never one a running
 * kernel uses; a kernel that finds the lock file gone after waiting for its lock knows the entry
 * was just deleted and starts over. Without pruning, every rebuilt or upgraded plugin would leave
 * its old unpacked copy behind for good (tens of megabytes for the Scala plugin).
 *
 * <p>Each entry records the zip it came from ({@code .kindling-source}), so that a newer zip
 * replaces only the entries of the same file: two installations of Kindling used in turn keep one
 * entry each instead of deleting each other's and unpacking again at every other start.
 */
final class PluginCache {

  private static final Logger log = LoggerFactory.getLogger(PluginCache.class);

  /** An entry not used for this long is deleted even when it is the newest of its plugin. */
  static final Duration UNUSED_FOR = Duration.ofDays(7);

  /** A staging directory this old belongs to a kernel that died while unpacking. */
  static final Duration ABANDONED_AFTER = Duration.ofHours(1);

  private static final String LOCK_SUFFIX = ".lock";
  private static final String STAGING_PREFIX = ".unpacking-";
  private static final String SOURCE_FILE = ".kindling-source";
  private static final Pattern ENTRY = Pattern.compile("(.+)-\\d+-\\d+");

  /** Locks this JVM holds, by lock file: a file can be locked only once per JVM. */
  private static final Map<Path, HeldLock> HELD = new HashMap<>();

  private final Path directory;
  private final List<Path> used = new ArrayList<>();

  private PluginCache(Path directory) {
    this.directory = directory;
  }

  /**
   * The user's cache: {@code kindling.plugin.cache} (system property; blank: none), else {@code
   * $XDG_CACHE_HOME/kindling/plugins}, else {@code ~/.cache/kindling/plugins}.
   */
  static Optional<PluginCache> user() {
    String configured = System.getProperty("kindling.plugin.cache");
    if (configured != null) {
      return configured.isBlank() ? Optional.empty() : Optional.of(at(Path.of(configured)));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(at(Path.of(xdg, "kindling", "plugins")));
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank()
        ? Optional.empty()
        : Optional.of(at(Path.of(home, ".cache", "kindling", "plugins")));
  }

  static PluginCache at(Path directory) {
    return new PluginCache(directory);
  }

  /** {@code <zip name without .zip>-<size>-<mtime millis>}: changes when the zip is replaced. */
  static String entryName(Path zip) throws IOException {
    String name = zip.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
      name = name.substring(0, name.length() - 4);
    }
    return name + "-" + Files.size(zip) + "-" + Files.getLastModifiedTime(zip).toMillis();
  }

  /**
   * The entry of {@code zip}, unpacked now if it is not there yet, and marked as used by this
   * kernel until {@link #release()}; empty when the cache cannot be written (the caller then
   * unpacks privately).
   */
  synchronized Optional<Path> entry(Path zip) throws IOException {
    String name = entryName(zip);
    Path entry = directory.resolve(name);
    Path lockFile = directory.resolve(name + LOCK_SUFFIX);
    try {
      Files.createDirectories(directory);
      lockShared(lockFile);
    } catch (IOException e) {
      log.info(
          "Plugin cache {} is not writable ({}); unpacking per kernel", directory, e.toString());
      return Optional.empty();
    }
    used.add(lockFile);
    if (Files.isDirectory(entry)) {
      return Optional.of(entry);
    }
    Path staging = Files.createTempDirectory(directory, STAGING_PREFIX);
    try {
      new Unzip(zip.toFile(), staging.toFile()).extract();
      Files.writeString(staging.resolve(SOURCE_FILE), zip.toAbsolutePath().normalize().toString());
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
            "Plugin cache {} cannot take {} ({}); unpacking per kernel",
            directory,
            zip,
            e.toString());
        return Optional.empty();
      }
      // Another kernel unpacked the same zip first: its entry is complete, since it was renamed.
    }
    return Optional.of(entry);
  }

  /** Drops this kernel's marks on the entries it used. */
  synchronized void release() {
    used.forEach(PluginCache::unlock);
    used.clear();
  }

  /**
   * Deletes the entries no running kernel uses that a newer entry of the same zip file has
   * replaced, or that nobody used for {@link #UNUSED_FOR}, and staging directories abandoned for
   * {@link #ABANDONED_AFTER}. Never throws: the cache is only an optimisation.
   *
   * @return the entries deleted
   */
  List<Path> prune(Instant now) {
    List<Path> deleted = new ArrayList<>();
    try (Stream<Path> listing = Files.list(directory)) {
      Map<String, List<Entry>> byZip = new HashMap<>();
      for (Path path : listing.toList()) {
        String file = path.getFileName().toString();
        if (file.startsWith(STAGING_PREFIX)) {
          if (olderThan(path, now, ABANDONED_AFTER)) {
            FileUtils.delete(path);
            deleted.add(path);
          }
          continue;
        }
        Matcher matcher = ENTRY.matcher(file);
        if (matcher.matches() && Files.isDirectory(path)) {
          Path lockFile = directory.resolve(file + LOCK_SUFFIX);
          byZip
              .computeIfAbsent(matcher.group(1) + "\n" + source(path), zip -> new ArrayList<>())
              .add(new Entry(path, lockFile, lastUsed(path, lockFile)));
        }
      }
      for (List<Entry> entries : byZip.values()) {
        Instant newest =
            entries.stream().map(Entry::lastUsed).max(Instant::compareTo).orElseThrow();
        for (Entry entry : entries) {
          boolean replaced = entry.lastUsed().isBefore(newest);
          boolean stale = entry.lastUsed().isBefore(now.minus(UNUSED_FOR));
          if ((replaced || stale) && deleteUnlessUsed(entry)) {
            deleted.add(entry.directory());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      log.info("Could not prune the plugin cache {}: {}", directory, e.toString());
    }
    if (!deleted.isEmpty()) {
      log.info("Plugin cache {}: deleted {} unused entries", directory, deleted.size());
    }
    return deleted;
  }

  private record Entry(Path directory, Path lockFile, Instant lastUsed) {}

  /**
   * Deletes {@code entry} if no kernel holds its lock. Holds this JVM's lock table meanwhile, so
   * that a kernel of this JVM asking for the entry waits (a second lock on one file from one JVM
   * would fail instead of waiting).
   */
  private static boolean deleteUnlessUsed(Entry entry) throws IOException {
    synchronized (HELD) {
      if (HELD.containsKey(entry.lockFile())) {
        return false; // this kernel uses it
      }
      try (FileChannel channel =
          FileChannel.open(
              entry.lockFile(),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE)) {
        FileLock exclusive;
        try {
          exclusive = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          return false;
        }
        if (exclusive == null) {
          return false; // another kernel uses it
        }
        try {
          FileUtils.delete(entry.directory());
          Files.deleteIfExists(entry.lockFile());
          return true;
        } finally {
          exclusive.release();
        }
      }
    }
  }

  /**
   * The zip an entry came from; empty for entries unpacked by a Kindling that did not record it.
   */
  private static String source(Path entry) throws IOException {
    Path file = entry.resolve(SOURCE_FILE);
    return Files.isRegularFile(file) ? Files.readString(file).strip() : "";
  }

  private static Instant lastUsed(Path entry, Path lockFile) throws IOException {
    Path marker = Files.exists(lockFile) ? lockFile : entry;
    return Files.getLastModifiedTime(marker).toInstant();
  }

  private static boolean olderThan(Path path, Instant now, Duration age) throws IOException {
    return Files.getLastModifiedTime(path).toInstant().isBefore(now.minus(age));
  }

  /**
   * Takes (or shares, within this JVM) a shared lock on {@code lockFile} and sets its time. When
   * the file was deleted while this kernel waited for the lock (a prune deleted the entry), it
   * starts over with a new file.
   */
  private static void lockShared(Path lockFile) throws IOException {
    synchronized (HELD) {
      HeldLock held = HELD.get(lockFile);
      if (held != null) {
        held.count++;
        touch(lockFile);
        return;
      }
      for (int attempt = 0; ; attempt++) {
        FileChannel channel =
            FileChannel.open(
                lockFile,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
          channel.lock(0, Long.MAX_VALUE, true); // released when the channel closes
          if (Files.exists(lockFile) || attempt > 2) {
            HELD.put(lockFile, new HeldLock(channel));
            touch(lockFile);
            return;
          }
        } catch (IOException | RuntimeException e) {
          channel.close();
          throw e;
        }
        channel.close(); // deleted meanwhile: lock the file that replaces it
      }
    }
  }

  private static void unlock(Path lockFile) {
    synchronized (HELD) {
      HeldLock held = HELD.get(lockFile);
      if (held == null || --held.count > 0) {
        return;
      }
      HELD.remove(lockFile);
      try {
        held.channel.close(); // releases the lock
      } catch (IOException e) {
        log.debug("Closing {}: {}", lockFile, e.toString());
      }
    }
  }

  private static void touch(Path lockFile) throws IOException {
    Files.setLastModifiedTime(lockFile, FileTime.from(Instant.now()));
  }

  /** A shared lock of this JVM, on an open channel, and how many plugin hosts use it. */
  private static final class HeldLock {
    final FileChannel channel;
    int count = 1;

    HeldLock(FileChannel channel) {
      this.channel = channel;
    }
  }
}
