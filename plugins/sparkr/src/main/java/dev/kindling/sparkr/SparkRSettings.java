package dev.kindling.sparkr;

import dev.kindling.api.Configuration;

/** The kernel settings the SparkR interpreter reads. */
final class SparkRSettings {

  /** The R executable ({@code --conf kindling.r=EXE}); {@code R} by default. */
  static final String R = "kindling.r";

  /** Used when {@link #R} is not set. */
  static final String DEFAULT_R = "R";

  /**
   * {@code --conf kindling.sparkr.useSparkR=true}: also load the real SparkR package of the Spark
   * installation ({@code $SPARK_HOME/R/lib/SparkR}) in the child, attached to the same backend. Off
   * by default.
   */
  static final String USE_SPARKR = "kindling.sparkr.useSparkR";

  private SparkRSettings() {}

  static boolean useSparkR(Configuration configuration) {
    return configuration
        .get(USE_SPARKR)
        .map(value -> value.strip().equalsIgnoreCase("true"))
        .orElse(false);
  }

  static String r(Configuration configuration) {
    return configuration.get(R).filter(value -> !value.isBlank()).orElse(DEFAULT_R);
  }
}
