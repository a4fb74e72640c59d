package dev.kindling.kernel.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code SPARK_OPTS} environment variable the way Jupyter Spark kernels do: the
 * spark-submit options that make sense for a driver that is already running ({@code --master},
 * {@code --conf k=v}, {@code --jars}, {@code --name}, {@code --driver-memory}, executor sizing).
 * Anything else is reported as a warning, never a failure.
 */
public final class SparkOptsParser {

  /** Options that take a value and map to one Spark setting. */
  private static final Map<String, String> SETTINGS =
      Map.ofEntries(
          Map.entry("--master", "spark.master"),
          Map.entry("--name", "spark.app.name"),
          Map.entry("--driver-memory", "spark.driver.memory"),
          Map.entry("--driver-cores", "spark.driver.cores"),
          Map.entry("--executor-memory", "spark.executor.memory"),
          Map.entry("--executor-cores", "spark.executor.cores"),
          Map.entry("--num-executors", "spark.executor.instances"),
          Map.entry("--total-executor-cores", "spark.cores.max"),
          Map.entry("--queue", "spark.yarn.queue"));

  /** Options whose values are comma lists, appended to what is set already. */
  private static final Map<String, String> LISTS =
      Map.of("--jars", "spark.jars", "--files", "spark.files", "--archives", "spark.archives");

  private SparkOptsParser() {}

  /**
   * What {@code SPARK_OPTS} sets.
   *
   * @param settings Spark settings in the order given
   * @param warnings one sentence per option that was ignored, and why
   */
  public record Parsed(Map<String, String> settings, List<String> warnings) {
    public Parsed {
      settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
      warnings = List.copyOf(warnings);
    }
  }

  /** Parses {@code text}, a shell-style list of options (quotes group words, as in a shell). */
  public static Parsed parse(String text) {
    Map<String, String> settings = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    List<String> words = ShellWords.split(text);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String option = word;
      String value = null;
      int equals = word.indexOf('=');
      if (word.startsWith("--") && equals > 0) {
        option = word.substring(0, equals);
        value = word.substring(equals + 1);
      }
      if (!option.startsWith("-")) {
        warnings.add("SPARK_OPTS: ignored '" + word + "' (not an option)");
        continue;
      }
      boolean known =
          SETTINGS.containsKey(option)
              || LISTS.containsKey(option)
              || option.equals("--conf")
              || option.equals("-c")
              || option.equals("--packages")
              || option.equals("--deploy-mode");
      if (!known) {
        warnings.add("SPARK_OPTS: ignored unknown option " + option);
        continue;
      }
      if (value == null) {
        if (i + 1 >= words.size()) {
          warnings.add("SPARK_OPTS: " + option + " needs a value; ignored");
          continue;
        }
        value = words.get(++i);
      }
      apply(option, value, settings, warnings);
    }
    return new Parsed(settings, warnings);
  }

  private static void apply(
      String option, String value, Map<String, String> settings, List<String> warnings) {
    if (SETTINGS.containsKey(option)) {
      settings.put(SETTINGS.get(option), value);
    } else if (LISTS.containsKey(option)) {
      settings.merge(LISTS.get(option), value, (old, added) -> old + "," + added);
    } else if (option.equals("--conf") || option.equals("-c")) {
      int equals = value.indexOf('=');
      if (equals <= 0) {
        warnings.add("SPARK_OPTS: --conf " + value + " is not key=value; ignored");
      } else {
        settings.put(value.substring(0, equals).strip(), value.substring(equals + 1).strip());
      }
    } else if (option.equals("--packages")) {
      warnings.add(
          "SPARK_OPTS: --packages "
              + value
              + " is not supported (Kindling does not resolve Maven packages at start-up);"
              + " ignored. Download the jars and use --jars, or run with SPARK_HOME set and"
              + " spark.jars.packages in spark-defaults.conf");
    } else if (!value.equals("client")) {
      warnings.add(
          "SPARK_OPTS: --deploy-mode " + value + " ignored: the kernel is always the driver");
    }
  }
}
