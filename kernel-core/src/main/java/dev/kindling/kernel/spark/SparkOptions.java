package dev.kindling.kernel.spark;

/**
 * How the kernel runs Spark, from {@code kindling kernel}'s options.
 *
 * @param startMode when the session starts ({@code --spark-init})
 * @param progress whether cells show a live progress display for their Spark jobs ({@code
 *     --progress})
 */
public record SparkOptions(SparkStartMode startMode, boolean progress) {

  /** What {@code kindling kernel} uses when no option is given: eager start, progress on. */
  public static SparkOptions defaults() {
    return new SparkOptions(SparkStartMode.EAGER, true);
  }

  /** Spark only when a cell asks for it, progress on: for kernels embedded in tests. */
  public static SparkOptions lazy() {
    return new SparkOptions(SparkStartMode.LAZY, true);
  }
}
