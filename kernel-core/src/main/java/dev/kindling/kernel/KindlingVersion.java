package dev.kindling.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Kindling, from the build. */
public final class KindlingVersion {

  private static final String VERSION = load();

  private KindlingVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = KindlingVersion.class.getResourceAsStream("kindling.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
