package dev.kindling.kernel.kernelspec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code kindling install} was asked for, apart from where the specs go.
 *
 * @param launcher the absolute path of {@code bin/kindling} the specs call
 * @param kernelNamePrefix the first part of every kernel name ({@code kindling} by default)
 * @param interpreters one kernelspec is written per interpreter
 * @param sparkHome a Spark installation for the kernel to run under (sets {@code SPARK_HOME})
 * @param sparkOpts spark-submit style options (sets {@code SPARK_OPTS})
 * @param python the Python executable for PySpark (sets {@code PYSPARK_PYTHON} and {@code --conf
 *     kindling.python=...})
 * @param pluginsDir a plugins directory other than the distribution's ({@code --plugins-dir})
 * @param sparkInit when the SparkSession starts ({@code --spark-init})
 * @param conf further {@code --conf key=value} settings for the kernel
 */
public record InstallSettings(
    Path launcher,
    String kernelNamePrefix,
    List<KindlingInterpreter> interpreters,
    Optional<Path> sparkHome,
    Optional<String> sparkOpts,
    Optional<String> python,
    Optional<Path> pluginsDir,
    Optional<String> sparkInit,
    Map<String, String> conf) {

  /** The kernel name prefix used when none is given. */
  public static final String DEFAULT_PREFIX = "kindling";

  /** The {@code --conf} key that carries {@code --python} to the kernel and its plugins. */
  public static final String PYTHON_CONF_KEY = "kindling.python";

  private static final Pattern VALID_PREFIX = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  public InstallSettings {
    if (!launcher.isAbsolute()) {
      throw new IllegalArgumentException("the launcher path must be absolute: " + launcher);
    }
    kernelNamePrefix = kernelNamePrefix.strip().toLowerCase(Locale.ROOT);
    if (!VALID_PREFIX.matcher(kernelNamePrefix).matches()) {
      throw new IllegalArgumentException(
          "'"
              + kernelNamePrefix
              + "' cannot start a kernel name: use letters, digits, '.', '_' and '-'");
    }
    if (interpreters.isEmpty()) {
      throw new IllegalArgumentException("no interpreters to install");
    }
    interpreters = List.copyOf(interpreters);
    conf = Map.copyOf(conf);
  }

  /** Settings for the shipped interpreters with nothing else given. */
  public static InstallSettings defaults(Path launcher) {
    return new InstallSettings(
        launcher,
        DEFAULT_PREFIX,
        KindlingInterpreter.SHIPPED,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }
}
