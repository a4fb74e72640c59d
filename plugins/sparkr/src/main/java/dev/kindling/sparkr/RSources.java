package dev.kindling.sparkr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The R side of the bridge, shipped as resources: copied once per kernel into a temporary directory
 * the child sources them from ({@code KINDLING_SPARKR_LIB}).
 */
final class RSources {

  private static final String PACKAGE = "/dev/kindling/sparkr/";

  /** The files the bootstrap sources, in order. */
  static final List<String> FILES = List.of("backend.R", "dataframe.R");

  private static Path directory;

  private RSources() {}

  /** The directory holding {@link #FILES}, written on first use. */
  static synchronized Path directory() {
    if (directory == null) {
      try {
        Path dir = Files.createTempDirectory("kindling-sparkr-");
        dir.toFile().deleteOnExit();
        for (String file : FILES) {
          Path target = dir.resolve(file);
          Files.writeString(target, resource(file), StandardCharsets.UTF_8);
          target.toFile().deleteOnExit();
        }
        directory = dir;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the SparkR sources", e);
      }
    }
    return directory;
  }

  /** The start-up code the child runs after each start. */
  static String bootstrap() {
    return resource("bootstrap.R");
  }

  static String resource(String name) {
    try (InputStream in = RSources.class.getResourceAsStream(PACKAGE + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + PACKAGE + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
