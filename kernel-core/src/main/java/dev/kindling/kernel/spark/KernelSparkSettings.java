package dev.kindling.kernel.spark;

import dev.kindling.api.spark.SparkSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Spark configuration of the kernel's session, assembled before it starts. Sources, later ones
 * winning: {@code spark-defaults.conf} (in {@code $SPARK_CONF_DIR}, else {@code $SPARK_HOME/conf}),
 * the {@code SPARK_OPTS} environment variable, then the kernel's {@code --conf spark.*=...}
 * options. Plugins' {@code SparkSettingsContributor}s then adjust it through the {@link
 * SparkSettings} view. Not thread-safe: it is only used while the session is being prepared.
 */
public final class KernelSparkSettings implements SparkSettings {

  /** Used when no source sets them. */
  static final Map<String, String> DEFAULTS =
      Map.of(
          "spark.master", "local[*]",
          "spark.app.name", "Kindling",
          "spark.ui.showConsoleProgress", "false");

  private final Map<String, String> settings = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private KernelSparkSettings() {}

  /**
   * The user's settings from every source.
   *
   * @param environment the process environment ({@code SPARK_CONF_DIR}, {@code SPARK_HOME}, {@code
   *     SPARK_OPTS})
   * @param kernelConfiguration the kernel's {@code --conf} options; only {@code spark.*} keys apply
   */
  public static KernelSparkSettings read(
      Map<String, String> environment, Map<String, String> kernelConfiguration) {
    KernelSparkSettings assembled = new KernelSparkSettings();
    defaultsFile(environment).ifPresent(assembled::readDefaultsFile);
    String sparkOpts = environment.getOrDefault("SPARK_OPTS", "");
    if (!sparkOpts.isBlank()) {
      SparkOptsParser.Parsed parsed = SparkOptsParser.parse(sparkOpts);
      assembled.settings.putAll(parsed.settings());
      assembled.warnings.addAll(parsed.warnings());
    }
    new TreeMap<>(kernelConfiguration)
        .forEach(
            (key, value) -> {
              if (key.startsWith("spark.")) {
                assembled.settings.put(key, value);
              }
            });
    return assembled;
  }

  private static Optional<Path> defaultsFile(Map<String, String> environment) {
    String confDir = environment.get("SPARK_CONF_DIR");
    if (confDir != null && !confDir.isBlank()) {
      return Optional.of(Path.of(confDir, "spark-defaults.conf"));
    }
    String home = environment.get("SPARK_HOME");
    if (home != null && !home.isBlank()) {
      return Optional.of(Path.of(home, "conf", "spark-defaults.conf"));
    }
    return Optional.empty();
  }

  /** Reads a spark-defaults.conf: Java properties, {@code key value} or {@code key=value}. */
  private void readDefaultsFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      warnings.add("could not read " + file + ": " + e.getMessage() + "; ignored");
      return;
    }
    new TreeMap<>(properties)
        .forEach(
            (key, value) -> {
              if (String.valueOf(key).startsWith("spark.")) {
                settings.put(String.valueOf(key), String.valueOf(value).strip());
              }
            });
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  @Override
  public void set(String key, String value) {
    settings.put(key, value);
  }

  @Override
  public void setIfMissing(String key, String value) {
    settings.putIfAbsent(key, value);
  }

  /** Every setting, in the order first set. */
  public Map<String, String> asMap() {
    return Collections.unmodifiableMap(settings);
  }

  /** Problems with the sources (unknown SPARK_OPTS options, unreadable files), for the log. */
  public List<String> warnings() {
    return Collections.unmodifiableList(warnings);
  }

  /**
   * The settings the session is built with: these, plus {@link #DEFAULTS} for keys that neither
   * these nor the JVM's {@code spark.*} system properties (set by spark-submit) give.
   */
  public Map<String, String> forSession(Properties systemProperties) {
    Map<String, String> result = new LinkedHashMap<>(settings);
    DEFAULTS.forEach(
        (key, value) -> {
          if (!result.containsKey(key) && systemProperties.getProperty(key) == null) {
            result.put(key, value);
          }
        });
    return result;
  }
}
