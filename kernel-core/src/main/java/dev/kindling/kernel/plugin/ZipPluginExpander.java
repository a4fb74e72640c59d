package dev.kindling.kernel.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.pf4j.util.FileUtils;
import org.pf4j.util.Unzip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks zip plugins ({@code classes/} plus {@code lib/*.jar}) into a working directory of this
 * kernel's own, deleted when the kernel closes its plugins.
 *
 * <p>PF4J unpacks a zip beside itself. The kernel does not: its plugins directory may be read-only
 * (an installed distribution), and several kernels starting at once would unpack over each other's
 * class path.
 */
final class ZipPluginExpander implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ZipPluginExpander.class);

  private Path workDirectory;

  /**
   * Unpacks {@code zip} and returns the directory to load the plugin from. The directory has the
   * zip's file name, so the plugin's path still names the file the user dropped in.
   *
   * @throws PluginRejectedException when the file is not a readable zip
   */
  synchronized Path expand(Path zip) {
    requireReadableArchive(zip);
    try {
      if (workDirectory == null) {
        workDirectory = Files.createTempDirectory("kindling-plugins-");
      }
      Path target = workDirectory.resolve(zip.getFileName().toString());
      new Unzip(zip.toFile(), target.toFile()).extract();
      log.debug("Unpacked plugin {} into {}", zip, target);
      return target;
    } catch (IOException e) {
      throw new PluginRejectedException(
          null, "cannot be unpacked: " + PluginRejectedException.describe(e), e);
    }
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

  /** Deletes everything this expander unpacked. */
  @Override
  public synchronized void close() {
    if (workDirectory == null) {
      return;
    }
    try {
      FileUtils.delete(workDirectory);
    } catch (IOException e) {
      log.warn("Cannot delete unpacked plugins in {}: {}", workDirectory, e.toString());
    }
    workDirectory = null;
  }
}
