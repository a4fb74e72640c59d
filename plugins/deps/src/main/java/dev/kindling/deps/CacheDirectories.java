package dev.kindling.deps;

import dev.kindling.api.Configuration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the dependency magics keep what they download: {@code jars/} for {@code %AddJar} and {@code
 * maven/} (a Maven local repository, not {@code ~/.m2}) for {@code %AddDeps}, under the kernel's
 * cache directory.
 *
 * <p>The cache directory is, in order: the kernel setting {@code kindling.cache.dir}, the
 * environment variable {@code KINDLING_CACHE_DIR}, {@code $XDG_CACHE_HOME/kindling}, {@code
 * ~/.cache/kindling}. The Maven repository can be moved on its own with {@code
 * kindling.deps.repository} (point it at {@code ~/.m2/repository} to share Maven's).
 */
record CacheDirectories(Path jars, Path maven) {

  static final String CACHE_DIR_SETTING = "kindling.cache.dir";
  static final String CACHE_DIR_ENV = "KINDLING_CACHE_DIR";
  static final String MAVEN_REPOSITORY_SETTING = "kindling.deps.repository";

  static CacheDirectories of(Configuration configuration) {
    return of(configuration, System.getenv(), Path.of(System.getProperty("user.home")));
  }

  static CacheDirectories of(
      Configuration configuration, Map<String, String> environment, Path home) {
    Path root =
        nonBlank(configuration.get(CACHE_DIR_SETTING))
            .or(() -> nonBlank(Optional.ofNullable(environment.get(CACHE_DIR_ENV))))
            .map(Path::of)
            .or(
                () ->
                    nonBlank(Optional.ofNullable(environment.get("XDG_CACHE_HOME")))
                        .map(xdg -> Path.of(xdg, "kindling")))
            .orElse(home.resolve(".cache").resolve("kindling"))
            .toAbsolutePath();
    Path maven =
        nonBlank(configuration.get(MAVEN_REPOSITORY_SETTING))
            .map(Path::of)
            .map(Path::toAbsolutePath)
            .orElse(root.resolve("maven"));
    return new CacheDirectories(root.resolve("jars"), maven);
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }
}
