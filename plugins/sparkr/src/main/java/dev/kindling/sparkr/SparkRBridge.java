package dev.kindling.sparkr;

import dev.kindling.api.KernelContext;
import dev.kindling.api.MimeBundle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The object the R side calls through Spark's RBackend (registered there by id): the kernel's
 * session, the shared data map, the kernel's renderer, the per-cell Spark job group, and the
 * column-wise conversions between R data.frames and DataFrames. Called on the backend's threads.
 * Public because the backend calls it by reflection; not an API for anyone else.
 */
public final class SparkRBridge {

  private final KernelContext context;

  SparkRBridge(KernelContext context) {
    this.context = context;
  }

  /** The kernel's SparkSession, started if needed. */
  public SparkSession session() {
    return context.spark().session();
  }

  /** The Spark version of the kernel JVM. */
  public String sparkVersion() {
    return SparkVersion.get();
  }

  /**
   * Gives the calling backend thread the running cell's Spark job group and tag, replacing any an
   * earlier cell left on it, so the cell's progress shows its jobs and an interrupt cancels them.
   * The R side calls it before each cell.
   *
   * @return an id of the running session (empty when none runs), so R can tell when the kernel
   *     replaced it ({@code %%configure -f}) and bind {@code spark} again
   */
  public String enterCell() {
    SparkSession running = context.spark().activeSession().orElse(null);
    if (running == null) {
      return "";
    }
    SparkContext sc = running.sparkContext();
    sc.clearJobGroup();
    sc.clearJobTags();
    context.spark().session(); // hands the running cell's job group to this thread
    return sc.applicationId() + "/" + System.identityHashCode(running);
  }

  /** A value of the shared map ({@code kernel.data}), or null. */
  public Object dataGet(String name) {
    return context.data().get(name);
  }

  /** Puts a value into the shared map; null removes the name. */
  public void dataPut(String name, Object value) {
    if (value == null) {
      context.data().remove(name);
    } else {
      context.data().put(name, value);
    }
  }

  /** The names in the shared map, sorted. */
  public String[] dataNames() {
    return context.data().keySet().stream().sorted().toArray(String[]::new);
  }

  /** Whether a value is a DataFrame (so R wraps it as one). */
  public boolean isDataFrame(Object value) {
    return value instanceof Dataset;
  }

  /** Renders a value the way the kernel shows cell results, as MIME type to text. */
  public Map<String, String> render(Object value) {
    MimeBundle bundle = context.display().render(value);
    Map<String, String> data = new LinkedHashMap<>();
    bundle.data().forEach((type, representation) -> data.put(type, String.valueOf(representation)));
    return data;
  }

  /** See {@link RDataFrames#create}. */
  public Dataset<Row> createDataFrame(String[] names, String[] types, Object[] columns) {
    return RDataFrames.create(session(), names, types, columns);
  }

  /** See {@link RDataFrames#collect}. */
  public Object[] collect(Dataset<Row> frame) {
    return RDataFrames.collect(frame);
  }

  /** {@code frame.select(columns)}; each column a name or a Column. */
  public Dataset<Row> select(Dataset<Row> frame, Object[] columns) {
    return frame.select(RDataFrames.columns(columns));
  }

  /** {@code frame.orderBy(columns)}; each column a name or a Column. */
  public Dataset<Row> orderBy(Dataset<Row> frame, Object[] columns) {
    return frame.orderBy(RDataFrames.columns(columns));
  }

  /** {@code frame.groupBy(columns)}; each column a name or a Column. */
  public RelationalGroupedDataset groupBy(Dataset<Row> frame, Object[] columns) {
    return frame.groupBy(RDataFrames.columns(columns));
  }

  /** {@code grouped.agg(columns)}: aggregate Columns. */
  public Dataset<Row> agg(RelationalGroupedDataset grouped, Object[] columns) {
    Column[] all = RDataFrames.columns(columns);
    if (all.length == 0) {
      throw new IllegalArgumentException("agg needs at least one aggregate column");
    }
    Column[] rest = java.util.Arrays.copyOfRange(all, 1, all.length);
    return grouped.agg(all[0], rest);
  }

  /** {@code frame.agg(columns)}: aggregates over the whole frame. */
  public Dataset<Row> agg(Dataset<Row> frame, Object[] columns) {
    return agg(frame.groupBy(new Column[0]), columns);
  }

  /** {@code count(DISTINCT column)}. */
  public Column countDistinct(Column column) {
    return org.apache.spark.sql.functions.countDistinct(column, new Column[0]);
  }

  /** The frame's schema as a tree, as {@code printSchema()} prints it. */
  public String schemaTree(Dataset<Row> frame) {
    return frame.schema().treeString();
  }

  /**
   * The frame's {@code show()} text (classic {@code Dataset.showString}, internal to Spark and so
   * called by reflection).
   */
  public String showString(Dataset<Row> frame, int rows, boolean truncate)
      throws ReflectiveOperationException {
    return (String)
        frame
            .getClass()
            .getMethod("showString", int.class, int.class, boolean.class)
            .invoke(frame, rows, truncate ? 20 : 0, false);
  }
}
