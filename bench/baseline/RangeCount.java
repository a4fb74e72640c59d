import org.apache.spark.sql.SparkSession;

/**
 * The baseline for bench_spark.py: the same spark.range(N).count() the kernel runs, in a plain
 * program started by spark-submit. Prints one line per repetition: "rep <i> <milliseconds>".
 */
public final class RangeCount {
  public static void main(String[] args) {
    long n = Long.parseLong(args[0]);
    int warmup = Integer.parseInt(args[1]);
    int reps = Integer.parseInt(args[2]);
    SparkSession spark = SparkSession.builder().appName("RangeCountBaseline").getOrCreate();
    for (int i = 0; i < warmup + reps; i++) {
      long started = System.nanoTime();
      long count = spark.range(n).count();
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (count != n) {
        throw new IllegalStateException("count " + count + " != " + n);
      }
      if (i >= warmup) {
        System.out.println("rep " + (i - warmup) + " " + millis);
      }
    }
    spark.stop();
  }
}
