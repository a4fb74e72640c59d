package dev.kindling.deps;

import dev.kindling.api.MagicUsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code %AddDeps} was asked for: one coordinate ({@code group:artifact:version}, {@code
 * group::artifact:version} for the kernel's Scala binary version, or Toree's {@code group artifact
 * version}) and its options.
 *
 * @param coordinate the artifact, with the Scala suffix applied
 * @param transitive whether its dependencies come too ({@code --intransitive} turns it off)
 * @param repositories {@code --repository} URLs, in order, before Maven Central
 * @param excludes {@code --exclude group[:artifact]}
 * @param verbose {@code --verbose}: show every download and what the kernel already has
 */
record DependencyArguments(
    Coordinate coordinate,
    boolean transitive,
    List<URI> repositories,
    List<Coordinate.Exclude> excludes,
    boolean verbose) {

  static DependencyArguments parse(String arguments, String scalaBinaryVersion) {
    List<String> words = new ArrayList<>(Arrays.asList(arguments.strip().split("\\s+")));
    words.removeIf(String::isEmpty);
    List<String> positional = new ArrayList<>();
    boolean transitive = true;
    boolean verbose = false;
    List<URI> repositories = new ArrayList<>();
    List<Coordinate.Exclude> excludes = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String option = word.toLowerCase(Locale.ROOT);
      String inlineValue = null;
      int equals = option.indexOf('=');
      if (option.startsWith("--") && equals > 0) {
        inlineValue = word.substring(equals + 1);
        option = option.substring(0, equals);
      }
      switch (option) {
        case "--transitive" -> transitive = true;
        case "--intransitive" -> transitive = false;
        case "--verbose", "--trace" -> verbose = true;
        case "--abort-on-resolution-errors" -> {
          // Toree's flag: resolution errors always fail the cell here.
        }
        case "--repository", "-r" -> {
          String value = inlineValue != null ? inlineValue : value(words, ++i, word);
          repositories.add(repository(value));
        }
        case "--exclude" -> {
          String value = inlineValue != null ? inlineValue : value(words, ++i, word);
          excludes.add(Coordinate.Exclude.parse(value));
        }
        default -> {
          if (word.startsWith("-")) {
            throw new MagicUsageException("unknown option " + word);
          }
          positional.add(word);
        }
      }
    }
    Coordinate coordinate;
    if (positional.size() == 1) {
      coordinate = Coordinate.parse(positional.get(0), scalaBinaryVersion);
    } else if (positional.size() == 3) {
      coordinate = Coordinate.of(positional.get(0), positional.get(1), positional.get(2));
    } else {
      throw new MagicUsageException(
          positional.isEmpty()
              ? "give the dependency as group:artifact:version"
              : "expected group:artifact:version or group artifact version, got " + positional);
    }
    return new DependencyArguments(
        coordinate, transitive, List.copyOf(repositories), List.copyOf(excludes), verbose);
  }

  private static String value(List<String> words, int index, String option) {
    if (index >= words.size() || words.get(index).startsWith("--")) {
      throw new MagicUsageException(option + " needs a value");
    }
    return words.get(index);
  }

  private static URI repository(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (scheme.equals("http") || scheme.equals("https") || scheme.equals("file")) {
        return uri;
      }
      if (scheme.isEmpty()) {
        return Path.of(value).toAbsolutePath().normalize().toUri();
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new MagicUsageException(
        "not a repository URL: " + value + " (use http://, https:// or file://)");
  }
}
