package dev.kindling.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The unpacked distribution this JVM runs from: {@code -Dkindling.home}, set by bin/kindling. */
final class KindlingHome {

  private KindlingHome() {}

  /**
   * The absolute path of {@code bin/kindling}.
   *
   * @throws IllegalStateException when the JVM was not started by the launcher
   */
  static Path launcher() {
    String home = System.getProperty("kindling.home");
    if (home == null || home.isBlank()) {
      throw new IllegalStateException("kindling.home is not set: run this through bin/kindling");
    }
    Path launcher = Path.of(home, "bin", "kindling").toAbsolutePath().normalize();
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException("no executable launcher at " + launcher);
    }
    return launcher;
  }
}
