package dev.kindling.kernel.testplugin;

import dev.kindling.api.KernelContext;
import org.apache.spark.sql.SparkSession;

/** The {@code spark-*} commands of the {@code kindling-test} language, through {@code spark()}. */
final class TestSparkCommands {

  private TestSparkCommands() {}

  /** Runs a {@code spark-*} command and returns the cell's result value. */
  static Object run(TestCommand command, String argument, KernelContext context) {
    return switch (command) {
      case SPARK_COUNT -> context.spark().session().range(Long.parseLong(argument.strip())).count();
      case SPARK_SLEEP -> sleep(context.spark().session(), Double.parseDouble(argument.strip()));
      case SPARK_TABLE ->
          context
              .spark()
              .session()
              .range(Long.parseLong(argument.strip()))
              .selectExpr(
                  "id",
                  "id * 2 AS doubled",
                  "CASE WHEN id % 2 = 0 THEN NULL ELSE concat('<b>', id, '</b>') END AS label");
      case SPARK_SQL -> context.spark().session().sql(argument);
      case SPARK_CONF -> context.spark().session().conf().get(argument.strip());
      case SPARK_UI -> context.spark().uiUrl().orElse("no UI");
      case SPARK_ID -> String.valueOf(System.identityHashCode(context.spark().session()));
      case SPARK_ACTIVE -> context.spark().activeSession().isPresent() ? "yes" : "no";
      case SPARK_CREATE ->
          SparkSession.builder().master("local[2]").appName("user").getOrCreate().version();
      default -> throw new IllegalArgumentException("not a spark command: " + command);
    };
  }

  /** Two tasks that each sleep (interruptibly) on an executor; no user classes are shipped. */
  private static long sleep(SparkSession spark, double seconds) {
    long millis = Math.round(seconds * 1000);
    return spark
        .range(0, 2, 1, 2)
        .selectExpr("reflect('java.lang.Thread', 'sleep', CAST(" + millis + " AS BIGINT)) AS slept")
        .collectAsList()
        .size();
  }
}
