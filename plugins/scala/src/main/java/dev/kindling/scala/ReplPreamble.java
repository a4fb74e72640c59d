package dev.kindling.scala;

import java.util.List;

/**
 * What every Scala session starts with, after {@code kernel} is bound. {@code spark} and {@code sc}
 * are lazy: a cell that does not use them never starts Spark, and the first one that does waits for
 * the kernel's session. Being vals, they are stable, so {@code import spark.implicits._} works.
 * {@code @transient} keeps them out of closures serialised for executors.
 */
final class ReplPreamble {

  static final String KERNEL_TYPE = "dev.kindling.scala.api.ScalaKernel";

  static final List<String> LINES =
      List.of(
          "@transient lazy val spark: org.apache.spark.sql.SparkSession = kernel.sparkSession",
          "@transient lazy val sc: org.apache.spark.SparkContext = spark.sparkContext",
          "import spark.implicits._",
          "import org.apache.spark.sql.functions._");

  /** Compiled once in the background so that the first user cell finds a warm compiler. */
  static final String WARM_UP = "val kindling$warmUp = List(1, 2).map(_ + 1).sum";

  private ReplPreamble() {}
}
