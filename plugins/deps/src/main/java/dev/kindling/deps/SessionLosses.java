package dev.kindling.deps;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Table;

/** What stopping a session loses, as lines to show before a restart. */
final class SessionLosses {

  private SessionLosses() {}

  static List<String> of(SparkSession session) {
    List<String> lines = new ArrayList<>();
    lines.add("Stopping the running SparkSession loses:");
    List<String> views = new ArrayList<>();
    try {
      for (Table table : session.catalog().listTables().collectAsList()) {
        if (table.isTemporary()) {
          views.add(table.name());
        }
      }
    } catch (RuntimeException e) {
      views.add("(could not list them: " + e.getMessage() + ")");
    }
    lines.add("  temporary views: " + (views.isEmpty() ? "none" : String.join(", ", views)));
    boolean cached =
        !session.sharedState().cacheManager().isEmpty()
            || !session.sparkContext().getPersistentRDDs().isEmpty();
    lines.add("  cached data: " + (cached ? "yes, all of it" : "none"));
    int jobs = session.sparkContext().statusTracker().getActiveJobIds().length;
    if (jobs > 0) {
      lines.add("  running jobs: " + jobs + " (cancelled)");
    }
    lines.add(
        "  every DataFrame, Dataset, RDD and broadcast made so far (they refer to the stopped"
            + " session); Python and R cells keep the old session until their interpreter restarts");
    return lines;
  }
}
