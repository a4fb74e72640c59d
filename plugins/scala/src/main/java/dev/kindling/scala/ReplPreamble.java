package dev.kindling.scala;

/**
 * What every Scala session starts with, compiled as one line. {@code kernel} comes from {@link
 * dev.kindling.scala.api.ReplSessions}. {@code spark} and {@code sc} are lazy: a cell that does not
 * use them never starts Spark, and the first one that does waits for the kernel's session. Being
 * vals, they are stable, so {@code import spark.implicits._} works. {@code @transient} keeps all
 * three out of closures serialised for executors.
 */
final class ReplPreamble {

  private ReplPreamble() {}

  static String forSession(String sessionId) {
    return String.join(
        "\n",
        "@transient val kernel: dev.kindling.scala.api.ScalaKernel ="
            + " dev.kindling.scala.api.ReplSessions.kernel(\""
            + sessionId
            + "\")",
        "@transient lazy val spark: org.apache.spark.sql.SparkSession = kernel.sparkSession",
        "@transient lazy val sc: org.apache.spark.SparkContext = spark.sparkContext",
        "import spark.implicits._",
        "import org.apache.spark.sql.functions._");
  }
}
