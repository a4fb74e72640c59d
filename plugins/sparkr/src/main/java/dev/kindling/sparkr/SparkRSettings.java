package dev.kindling.sparkr;

import dev.kindling.api.Configuration;

/** The kernel settings the SparkR interpreter reads. */
final class SparkRSettings {

  /** The R executable ({@code --conf kindling.r=EXE}); {@code R} by default. */
  static final String R = "kindling.r";

  /** Used when {@link #R} is not set. */
  static final String DEFAULT_R = "R";

  private SparkRSettings() {}

  static String r(Configuration configuration) {
    return configuration.get(R).filter(value -> !value.isBlank()).orElse(DEFAULT_R);
  }
}
