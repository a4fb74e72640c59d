package dev.kindling.pyspark;

import dev.kindling.api.KernelContext;
import dev.kindling.api.MimeBundle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The py4j entry point the Python bootstrap talks to ({@code gateway.entry_point}): the kernel's
 * own session and context, the shared data map, the kernel's renderer, and the per-cell Spark job
 * group. Called from py4j's gateway threads (one per Python thread, as PySpark pins threads).
 * Public because py4j calls it by reflection; not an API for anyone else.
 */
public final class PySparkBridge {

  private final KernelContext context;

  PySparkBridge(KernelContext context) {
    this.context = context;
  }

  /** The kernel's SparkSession, started if needed. */
  public SparkSession session() {
    return context.spark().session();
  }

  /** The kernel's SparkContext, as the Java API object PySpark wraps. */
  public JavaSparkContext javaSparkContext() {
    return JavaSparkContext.fromSparkContext(session().sparkContext());
  }

  /**
   * Identifies the running session (empty when none runs), so Python can tell when the kernel
   * replaced it ({@code %%configure -f}) and bind {@code spark} and {@code sc} again.
   */
  public String sessionId() {
    return context
        .spark()
        .activeSession()
        .map(s -> s.sparkContext().applicationId() + "/" + System.identityHashCode(s))
        .orElse("");
  }

  /** The Spark version of the kernel JVM ({@code org.apache.spark.SPARK_VERSION}). */
  public String sparkVersion() {
    return SparkVersion.get();
  }

  /** The map shared by every language ({@code kernel.data}). */
  public ConcurrentMap<String, Object> data() {
    return context.data();
  }

  /**
   * Renders a JVM value (a DataFrame's {@code _jdf}, for example) the way the kernel shows cell
   * results, as MIME type to text.
   */
  public Map<String, String> render(Object value) {
    MimeBundle bundle = context.display().render(value);
    Map<String, String> data = new LinkedHashMap<>();
    bundle.data().forEach((type, representation) -> data.put(type, String.valueOf(representation)));
    return data;
  }

  /**
   * Gives the calling gateway thread the running cell's Spark job group and tag, replacing any an
   * earlier cell left on it, so the cell's progress shows its jobs and an interrupt cancels them.
   * The Python bootstrap calls it before each cell.
   *
   * @return the running session's {@link #sessionId()}, so that Python learns in the same call
   *     whether the session was replaced
   */
  public String enterCell() {
    SparkSession running = context.spark().activeSession().orElse(null);
    if (running != null) {
      SparkContext sc = running.sparkContext();
      sc.clearJobGroup();
      sc.clearJobTags();
      context.spark().session(); // hands the running cell's job group to this thread
    }
    return sessionId();
  }
}
