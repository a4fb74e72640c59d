package dev.kindling.kernel.spark;

import dev.kindling.api.spark.SparkRuntime;
import dev.kindling.api.spark.SparkUnavailableException;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The kernel's SparkSession, started on first use with master {@code local[*]} unless configured.
 * First slice: no start modes, configuration sources, job groups or progress yet.
 */
public final class KernelSparkRuntime implements SparkRuntime {

  private volatile SparkSession session;

  @Override
  public synchronized SparkSession session() {
    if (session == null) {
      try {
        session =
            SparkSession.builder()
                .appName("Kindling")
                .master(System.getProperty("spark.master", "local[*]"))
                .getOrCreate();
      } catch (RuntimeException e) {
        throw new SparkUnavailableException("Spark could not start: " + e.getMessage(), e);
      }
    }
    return session;
  }

  @Override
  public Optional<SparkSession> activeSession() {
    return Optional.ofNullable(session);
  }

  @Override
  public Optional<String> uiUrl() {
    return activeSession()
        .flatMap(s -> scala.jdk.javaapi.OptionConverters.toJava(s.sparkContext().uiWebUrl()));
  }
}
