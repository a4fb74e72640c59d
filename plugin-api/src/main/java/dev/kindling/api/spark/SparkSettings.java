package dev.kindling.api.spark;

import java.util.Optional;

/**
 * The Spark configuration being assembled before the session starts, as seen by a {@link
 * SparkSettingsContributor}. Keys and values are Spark's own ({@code spark.executor.memory}).
 */
public interface SparkSettings {

  /** The value set so far for {@code key}, from the user's configuration or another plugin. */
  Optional<String> get(String key);

  /** Sets {@code key}, replacing any value set so far. */
  void set(String key, String value);

  /** Sets {@code key} unless the user (or an earlier plugin) already set it. */
  void setIfMissing(String key, String value);
}
