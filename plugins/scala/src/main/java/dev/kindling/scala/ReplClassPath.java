package dev.kindling.scala;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class path the REPL compiles against: the kernel JVM's class path (Spark, the Scala library,
 * the plugin API) followed by the URLs of the plugin's class loader and its parents (this plugin's
 * own classes, such as the {@code kernel} object's API, and anything spark-submit added).
 */
final class ReplClassPath {

  private ReplClassPath() {}

  /** Class path entries that exist, in order, without duplicates. */
  static List<Path> of(ClassLoader pluginLoader) {
    Set<Path> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry).toAbsolutePath().normalize());
      }
    }
    List<ClassLoader> chain = new ArrayList<>();
    for (ClassLoader loader = pluginLoader; loader != null; loader = loader.getParent()) {
      chain.add(0, loader);
    }
    for (ClassLoader loader : chain) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          toPath(url).ifPresent(entries::add);
        }
      }
    }
    return entries.stream().filter(Files::exists).toList();
  }

  static String asString(List<Path> entries) {
    return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
  }

  private static java.util.Optional<Path> toPath(URL url) {
    if (!"file".equals(url.getProtocol())) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Path.of(url.toURI()).toAbsolutePath().normalize());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
