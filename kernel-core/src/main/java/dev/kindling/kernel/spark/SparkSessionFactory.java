package dev.kindling.kernel.spark;

import dev.kindling.api.spark.SparkSettingsContributor;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the kernel's session: reads the user's settings ({@link KernelSparkSettings}), lets the
 * plugins' contributors adjust them, warns about settings that can no longer apply, and calls
 * {@code getOrCreate}.
 */
final class SparkSessionFactory {

  private static final Logger log = LoggerFactory.getLogger(SparkSessionFactory.class);

  /** Set by bin/kindling to the heap size it gave the JVM from {@code --driver-memory}. */
  static final String LAUNCHER_DRIVER_MEMORY = "kindling.driver.memory";

  private final Map<String, String> environment;
  private final Map<String, String> kernelConfiguration;
  private final List<SparkSettingsContributor> contributors;
  private Map<String, String> prepared;

  SparkSessionFactory(
      Map<String, String> environment,
      Map<String, String> kernelConfiguration,
      List<SparkSettingsContributor> contributors) {
    this.environment = Map.copyOf(environment);
    this.kernelConfiguration = Map.copyOf(kernelConfiguration);
    this.contributors = List.copyOf(contributors);
  }

  /**
   * The settings the session gets: user sources, then contributors, then defaults. Assembled once,
   * on the first call (the kernel calls it at start-up, before any interpreter is created, so a
   * contributor that is also an interpreter factory contributes before it creates its interpreter).
   */
  synchronized Map<String, String> settings() {
    if (prepared == null) {
      prepared = Map.copyOf(assemble());
    }
    return prepared;
  }

  private Map<String, String> assemble() {
    KernelSparkSettings settings = KernelSparkSettings.read(environment, kernelConfiguration);
    settings.warnings().forEach(warning -> log.warn("{}", warning));
    for (SparkSettingsContributor contributor : contributors) {
      try {
        contributor.contribute(settings);
      } catch (RuntimeException | LinkageError e) {
        log.warn(
            "Spark settings contributor {} failed; starting without its settings",
            contributor.getClass().getName(),
            e);
      }
    }
    Map<String, String> result = settings.forSession(System.getProperties());
    warnAboutDriverMemory(result, System.getProperties());
    return result;
  }

  /** Starts the session (or returns the one already running in this JVM). */
  SparkSession create() {
    return create(Map.of());
  }

  /**
   * Starts the session with {@code extra} settings ({@code %%configure}) over the assembled ones,
   * or returns the one already running in this JVM.
   */
  SparkSession create(Map<String, String> extra) {
    Map<String, String> settings = new java.util.LinkedHashMap<>(settings());
    settings.putAll(extra);
    if (!extra.isEmpty()) {
      warnAboutDriverMemory(settings, System.getProperties());
    }
    log.info(
        "Starting Spark: master {}, {} settings",
        settings.getOrDefault("spark.master", System.getProperty("spark.master")),
        settings.size());
    SparkSession.Builder builder = SparkSession.builder();
    settings.forEach(builder::config);
    return builder.getOrCreate();
  }

  /**
   * The driver's heap is fixed when the JVM starts: {@code spark.driver.memory} only applies when
   * the launcher passed it to the JVM (from SPARK_OPTS' {@code --driver-memory}, or spark-submit).
   */
  static void warnAboutDriverMemory(Map<String, String> settings, Properties system) {
    String wanted = settings.get("spark.driver.memory");
    if (wanted == null
        || wanted.equals(system.getProperty(LAUNCHER_DRIVER_MEMORY))
        || wanted.equals(system.getProperty("spark.driver.memory"))) {
      return;
    }
    log.warn(
        "spark.driver.memory={} cannot apply: the driver JVM is already running with a max heap"
            + " of {} MiB. Put --driver-memory {} in SPARK_OPTS so bin/kindling starts the JVM"
            + " with it.",
        wanted,
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        wanted);
  }
}
