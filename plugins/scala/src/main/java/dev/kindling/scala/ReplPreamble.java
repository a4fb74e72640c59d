package dev.kindling.scala;

/**
 * What every Scala session starts with, compiled as one line.
 *
 * <ul>
 *   <li>{@code kernel} is a static method ({@link dev.kindling.scala.api.ReplSessions#kernel()}),
 *       so no REPL wrapper has a plugin class in its signatures: executors deserialise wrappers
 *       (closures capture them) and cannot load plugin classes.
 *   <li>{@code spark} and {@code sc} are lazy: a cell that does not use them never starts Spark,
 *       and the first one that does waits for the kernel's session. Being vals, they are stable, so
 *       {@code import spark.implicits._} works; {@code @transient} keeps them out of closures.
 * </ul>
 */
final class ReplPreamble {

  /**
   * {@code spark}, {@code sc} and the implicits; run again when the kernel replaced its session, so
   * later cells see the new one. The kernel object is named by its full path: by then a cell may
   * have rebound {@code kernel}.
   */
  static final String SPARK_BINDINGS =
      String.join(
          "\n",
          "@transient lazy val spark: org.apache.spark.sql.SparkSession ="
              + " _root_.dev.kindling.scala.api.ReplSessions.kernel.sparkSession",
          "@transient lazy val sc: org.apache.spark.SparkContext = spark.sparkContext",
          "import spark.implicits._");

  static final String CODE =
      String.join(
          "\n",
          "import dev.kindling.scala.api.ReplSessions.kernel",
          SPARK_BINDINGS,
          "import org.apache.spark.sql.functions._");

  private ReplPreamble() {}
}
