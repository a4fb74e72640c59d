package dev.kindling.deps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.api.MagicUsageException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code %%configure}: sparkmagic's JSON session settings as Spark settings. {@code
 * conf} holds Spark keys as they are; the other keys map to Spark's ({@code executorMemory} to
 * {@code spark.executor.memory}, ...). Livy-only keys are accepted and reported as ignored.
 *
 * @param spark the Spark settings, in the order given
 * @param sources for each Spark key set from a sparkmagic key, that key (for messages)
 * @param ignored the Livy-only keys given, which have no meaning here
 */
record SessionSettings(
    Map<String, String> spark, Map<String, String> sources, List<String> ignored) {

  /** sparkmagic's keys and the Spark settings they stand for. */
  static final Map<String, String> KEYS =
      Map.ofEntries(
          Map.entry("driverMemory", "spark.driver.memory"),
          Map.entry("driverCores", "spark.driver.cores"),
          Map.entry("executorMemory", "spark.executor.memory"),
          Map.entry("executorCores", "spark.executor.cores"),
          Map.entry("numExecutors", "spark.executor.instances"),
          Map.entry("name", "spark.app.name"),
          Map.entry("jars", "spark.jars"),
          Map.entry("pyFiles", "spark.submit.pyFiles"),
          Map.entry("files", "spark.files"),
          Map.entry("archives", "spark.archives"),
          Map.entry("queue", "spark.yarn.queue"));

  /** Livy's own keys: accepted so sparkmagic notebooks run, but they mean nothing here. */
  static final List<String> LIVY_ONLY = List.of("kind", "proxyUser", "heartbeatTimeoutInSecond");

  /**
   * Settings that only apply to executors or a cluster manager, not with a {@code local} master.
   */
  private static final List<String> NOT_IN_LOCAL_MODE =
      List.of(
          "spark.driver.cores",
          "spark.executor.memory",
          "spark.executor.cores",
          "spark.executor.instances",
          "spark.yarn.queue");

  private static final ObjectMapper JSON = new ObjectMapper();

  static SessionSettings parse(String body) {
    if (body.isBlank()) {
      throw new MagicUsageException("the cell body must be a JSON object of session settings");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MagicUsageException("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MagicUsageException("the body must be a JSON object, for example {\"conf\": {}}");
    }
    Map<String, String> spark = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("conf")) {
        if (!value.isObject()) {
          throw new MagicUsageException("\"conf\" must be an object of Spark settings");
        }
        value
            .fields()
            .forEachRemaining(c -> spark.put(c.getKey(), scalar(c.getKey(), c.getValue())));
      } else if (KEYS.containsKey(key)) {
        spark.put(KEYS.get(key), scalar(key, value));
        sources.put(KEYS.get(key), key);
      } else if (LIVY_ONLY.contains(key)) {
        ignored.add(key);
      } else {
        throw new MagicUsageException(
            "unknown setting \""
                + key
                + "\"; use \"conf\" for Spark settings, or one of "
                + new java.util.TreeSet<>(KEYS.keySet()));
      }
    }
    return new SessionSettings(Map.copyOf(spark), sources, List.copyOf(ignored));
  }

  /** Strings, numbers and booleans as they are; arrays (jars, files) joined with commas. */
  private static String scalar(String key, JsonNode value) {
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(scalar(key, v)));
      return String.join(",", parts);
    }
    if (value.isValueNode() && !value.isNull()) {
      return value.asText();
    }
    throw new MagicUsageException("\"" + key + "\" must be a string, a number or a boolean");
  }

  /** The settings given, in a stable order, as {@code key=value} lines. */
  List<String> lines() {
    return spark.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> "  " + e.getKey() + "=" + e.getValue())
        .toList();
  }

  /**
   * Notes on settings that cannot take effect under {@code master}: the driver's memory (the driver
   * is this running JVM) and, with a {@code local} master, executor and cluster settings.
   */
  List<String> notApplicable(String master) {
    List<String> notes = new ArrayList<>();
    if (spark.containsKey("spark.driver.memory")) {
      notes.add(
          name("spark.driver.memory")
              + ": the driver is this kernel's JVM, already running; start the kernel with"
              + " --driver-memory in SPARK_OPTS instead");
    }
    if (master.toLowerCase(Locale.ROOT).startsWith("local")) {
      for (String key : NOT_IN_LOCAL_MODE) {
        if (spark.containsKey(key)) {
          notes.add(name(key) + ": no effect with master " + master + " (no separate executors)");
        }
      }
    }
    ignored.forEach(key -> notes.add(key + ": a Livy setting, ignored"));
    return notes;
  }

  private String name(String sparkKey) {
    String source = sources.get(sparkKey);
    return source == null ? sparkKey : source + " (" + sparkKey + ")";
  }
}
