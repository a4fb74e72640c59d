package dev.kindling.kernel.plugin;

import dev.kindling.api.InterpreterFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the plugin API this kernel provides, read from {@code
 * dev/kindling/api/plugin-api.properties} in the plugin-api jar. Plugins state the versions they
 * work with in their {@code Plugin-Requires} manifest entry.
 */
final class PluginApiVersion {

  private static final String RESOURCE = "plugin-api.properties";

  private PluginApiVersion() {}

  /** The version, for example {@code 0.1.0}. */
  static String current() {
    return Holder.VERSION;
  }

  private static final class Holder {
    static final String VERSION = read();
  }

  private static String read() {
    // Resolved relative to the API package, so it is the plugin-api jar's own copy.
    try (InputStream in = InterpreterFactory.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "dev/kindling/api/" + RESOURCE + " is missing from the plugin-api jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").trim();
      if (version.isEmpty() || version.contains("${")) {
        throw new IllegalStateException(
            "dev/kindling/api/" + RESOURCE + " has no usable version: '" + version + "'");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dev/kindling/api/" + RESOURCE, e);
    }
  }
}
