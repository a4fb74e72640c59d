package dev.kindling.kernel.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.pf4j.PluginRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin files in the kernel's plugins directory: every {@code *.jar} and {@code *.zip} that is
 * not hidden, in file name order so that loading is repeatable. Directories are ignored: zips are
 * unpacked elsewhere ({@link ZipPluginExpander}), never beside themselves.
 */
final class PluginFileRepository implements PluginRepository {

  private static final Logger log = LoggerFactory.getLogger(PluginFileRepository.class);

  private final Path directory;

  PluginFileRepository(Path directory) {
    this.directory = directory;
  }

  @Override
  public List<Path> getPluginPaths() {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(PluginFileRepository::isPluginFile)
          .sorted(Comparator.comparing(path -> path.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      log.warn("Cannot list plugins directory {}: {}", directory, e.toString());
      return List.of();
    }
  }

  /** The kernel never deletes plugin files. */
  @Override
  public boolean deletePluginPath(Path pluginPath) {
    return false;
  }

  static boolean isPluginFile(Path path) {
    String name = path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && (lower.endsWith(".jar") || lower.endsWith(".zip"));
  }

  static boolean isZip(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
  }
}
