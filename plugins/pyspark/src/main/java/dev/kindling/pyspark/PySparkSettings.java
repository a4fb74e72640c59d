package dev.kindling.pyspark;

import dev.kindling.api.Configuration;

/** The kernel settings the PySpark interpreter reads. */
final class PySparkSettings {

  /** The Python executable ({@code --conf kindling.python=EXE}); {@code python3} by default. */
  static final String PYTHON = "kindling.python";

  /** Used when {@link #PYTHON} is not set. */
  static final String DEFAULT_PYTHON = "python3";

  private PySparkSettings() {}

  static String python(Configuration configuration) {
    return configuration.get(PYTHON).filter(value -> !value.isBlank()).orElse(DEFAULT_PYTHON);
  }
}
