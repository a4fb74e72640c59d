package dev.kindling.deps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Checks that a file is a jar: a zip archive, recognised by its first bytes. */
final class JarFiles {

  private static final byte[] LOCAL_FILE_HEADER = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ARCHIVE = {'P', 'K', 5, 6};

  private JarFiles() {}

  /** True when {@code file} starts like a zip archive. */
  static boolean isJar(Path file) throws IOException {
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, 4) < 4) {
        return false;
      }
    }
    return Arrays.equals(head, LOCAL_FILE_HEADER) || Arrays.equals(head, EMPTY_ARCHIVE);
  }
}
