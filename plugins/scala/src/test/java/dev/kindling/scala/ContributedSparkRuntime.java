package dev.kindling.scala;

import dev.kindling.api.spark.SparkRuntime;
import dev.kindling.api.spark.SparkSettings;
import dev.kindling.api.spark.SparkSettingsContributor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * A test SparkRuntime that does what the kernel's runtime does before it starts the session: it
 * asks a contributor for its settings. Local master with two threads, no UI.
 */
final class ContributedSparkRuntime implements SparkRuntime {

  private final Map<String, String> settings = new LinkedHashMap<>();
  private volatile SparkSession session;
  private volatile int starts;

  ContributedSparkRuntime(SparkSettingsContributor contributor) {
    this(contributor, "local[2]");
  }

  ContributedSparkRuntime(SparkSettingsContributor contributor, String master) {
    settings.put("spark.master", master);
    if (!master.startsWith("local")) {
      settings.put("spark.driver.host", "127.0.0.1");
      settings.put("spark.executor.memory", "512m");
      settings.put("spark.cores.max", "2");
    }
    settings.put("spark.app.name", "kindling-scala-test");
    settings.put("spark.ui.enabled", "false");
    settings.put("spark.sql.shuffle.partitions", "2");
    contributor.contribute(
        new SparkSettings() {
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
        });
  }

  Map<String, String> settings() {
    return Map.copyOf(settings);
  }

  /** How often {@link #session()} had to start Spark. */
  int starts() {
    return starts;
  }

  @Override
  public synchronized SparkSession session() {
    if (session == null) {
      SparkSession.Builder builder = SparkSession.builder();
      settings.forEach(builder::config);
      session = builder.getOrCreate();
      starts++;
    }
    return session;
  }

  @Override
  public Optional<SparkSession> activeSession() {
    return Optional.ofNullable(session);
  }

  @Override
  public Optional<String> uiUrl() {
    return Optional.empty();
  }
}
