package dev.kindling.scala;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory the REPL compiles its classes into, created on first use. The same directory is
 * given to Spark ({@code spark.repl.class.outputDir}) and to the compiler ({@code -Yrepl-outdir}),
 * so executors load exactly the classes the driver compiled.
 */
final class ReplOutputDirectory {

  private Path path;

  synchronized Path path() {
    if (path == null) {
      try {
        path = Files.createTempDirectory("kindling-repl-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the REPL class directory", e);
      }
    }
    return path;
  }

  /** Deletes the directory and the classes in it, as far as possible. */
  static void delete(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temp directory left behind is harmless
    }
  }
}
