package dev.kindling.sparkr;

/** The version of the Spark classes the kernel runs ({@code org.apache.spark.SPARK_VERSION}). */
final class SparkVersion {

  private SparkVersion() {}

  static String get() {
    try {
      // org.apache.spark.package$ cannot be named in Java source ("package" is a keyword).
      Class<?> holder = Class.forName("org.apache.spark.package$");
      Object module = holder.getField("MODULE$").get(null);
      return String.valueOf(holder.getMethod("SPARK_VERSION").invoke(module));
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("cannot read the Spark version of the kernel", e);
    }
  }
}
