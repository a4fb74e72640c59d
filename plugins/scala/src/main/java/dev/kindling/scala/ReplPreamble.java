package dev.kindling.scala;

/**
 * What every Scala session starts with, compiled as one line.
 *
 * <ul>
 *   <li>{@code kernel} is a method of a small serializable object rather than a field of the line's
 *       wrapper: executors deserialise wrappers (closures capture them), and Java serialisation
 *       resolves the types of a wrapper's fields and methods, so none of them may be a plugin class
 *       that executors cannot load.
 *   <li>{@code spark} and {@code sc} are lazy: a cell that does not use them never starts Spark,
 *       and the first one that does waits for the kernel's session. Being vals, they are stable, so
 *       {@code import spark.implicits._} works; {@code @transient} keeps them out of closures.
 * </ul>
 */
final class ReplPreamble {

  private ReplPreamble() {}

  static String forSession(String sessionId) {
    return String.join(
        "\n",
        "object kindling$session extends Serializable {",
        "  def kernel: dev.kindling.scala.api.ScalaKernel =",
        "    dev.kindling.scala.api.ReplSessions.kernel(\"" + sessionId + "\")",
        "}",
        "import kindling$session.kernel",
        "@transient lazy val spark: org.apache.spark.sql.SparkSession = kernel.sparkSession",
        "@transient lazy val sc: org.apache.spark.SparkContext = spark.sparkContext",
        "import spark.implicits._",
        "import org.apache.spark.sql.functions._");
  }
}
