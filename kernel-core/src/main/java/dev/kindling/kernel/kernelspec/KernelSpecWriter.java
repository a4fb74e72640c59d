package dev.kindling.kernel.kernelspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes and removes kernelspecs in one Jupyter {@code kernels} directory.
 *
 * <p>A spec directory whose {@code kernel.json} has a {@code metadata.kindling} entry is
 * Kindling's: installing over it replaces it, and uninstalling removes it. Any other spec of the
 * same name is left alone unless the caller asks to replace it.
 */
public final class KernelSpecWriter {

  static final List<String> LOGOS = List.of("logo-32x32.png", "logo-64x64.png");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path kernelsDir;

  public KernelSpecWriter(Path kernelsDir) {
    this.kernelsDir = kernelsDir;
  }

  public Path kernelsDir() {
    return kernelsDir;
  }

  /**
   * Writes {@code spec} as {@code kernels/NAME/kernel.json} plus the logos, replacing an earlier
   * Kindling spec of that name.
   *
   * @param replaceOthers also replace a spec of that name that Kindling did not write
   * @return the spec's directory
   * @throws KernelSpecConflictException when a foreign spec is in the way and may not be replaced
   */
  public Path install(KernelSpec spec, boolean replaceOthers) {
    Path dir = kernelsDir.resolve(spec.name());
    try {
      if (Files.exists(dir)) {
        if (!replaceOthers && !isKindlingSpec(dir)) {
          throw new KernelSpecConflictException(
              dir + " holds a kernelspec Kindling did not write; pass --replace to overwrite it");
        }
        deleteRecursively(dir);
      }
      Files.createDirectories(dir);
      JSON.writeValue(dir.resolve("kernel.json").toFile(), kernelJson(spec));
      for (String logo : LOGOS) {
        copyResource(logo, dir.resolve(logo));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kernelspec in " + dir, e);
    }
  }

  /**
   * Removes the Kindling kernelspecs in this directory.
   *
   * @param namePrefix only those whose name is {@code PREFIX_...}; all of them when empty
   * @return the names removed, sorted
   */
  public List<String> uninstall(Optional<String> namePrefix) {
    List<String> removed = new ArrayList<>();
    for (Path dir : kindlingSpecDirs()) {
      String name = dir.getFileName().toString();
      if (namePrefix.map(p -> name.startsWith(p + "_")).orElse(true)) {
        try {
          deleteRecursively(dir);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot remove the kernelspec in " + dir, e);
        }
        removed.add(name);
      }
    }
    return List.copyOf(removed);
  }

  /** The directories of the Kindling kernelspecs here, sorted by name. */
  public List<Path> kindlingSpecDirs() {
    if (!Files.isDirectory(kernelsDir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(kernelsDir)) {
      return entries
          .filter(KernelSpecWriter::isKindlingSpec)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + kernelsDir, e);
    }
  }

  /** Whether {@code dir} holds a kernel.json with a {@code metadata.kindling} entry. */
  public static boolean isKindlingSpec(Path dir) {
    Path file = dir.resolve("kernel.json");
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      JsonNode json = JSON.readTree(file.toFile());
      return json.path("metadata").has(KernelSpec.METADATA_KEY);
    } catch (IOException e) {
      return false; // unreadable or not JSON: not ours to touch
    }
  }

  static Map<String, Object> kernelJson(KernelSpec spec) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("argv", spec.argv());
    json.put("display_name", spec.displayName());
    json.put("language", spec.language());
    json.put("interrupt_mode", "message");
    json.put("env", spec.env());
    json.put("metadata", spec.metadata());
    return json;
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = KernelSpecWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("the kernel jar has no " + name);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
