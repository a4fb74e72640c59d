package dev.kindling.api.spark;

import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The kernel's one SparkSession, shared by every interpreter, magic and language. The kernel JVM is
 * the Spark driver; plugins never build a session of their own.
 *
 * <p>Depending on the kernel's {@code --spark-init} mode the session is started in the background
 * when the kernel comes up ({@code eager}), on first use ({@code lazy}), or only by user code
 * ({@code none}, the kernel then adopts the session that code created).
 */
public interface SparkRuntime {

  /**
   * The session, starting it first if it has not been started. Blocks while it starts; when that
   * takes noticeable time the running cell shows "Starting Spark..." (then "Spark started in N s"
   * with a link to the Spark UI). The calling thread gets the running cell's Spark job group, so an
   * interrupt cancels the jobs it runs. In {@code none} mode this adopts the session user code
   * created, or throws saying how to create one.
   *
   * @throws SparkUnavailableException when the session cannot be started (bad configuration, a
   *     master that cannot be reached); the message says why
   */
  SparkSession session();

  /** The session if it is already running, without starting it. */
  Optional<SparkSession> activeSession();

  /** The Spark UI address, once the session runs and when the UI is enabled. */
  Optional<String> uiUrl();

  /**
   * Whether the session has been asked to start: it runs, or it is starting. A session started this
   * way takes no more {@link #configure} settings.
   */
  default boolean startRequested() {
    return activeSession().isPresent();
  }

  /**
   * Spark settings for the session when it starts, on top of the kernel's own (spark-defaults.conf,
   * {@code SPARK_OPTS}, {@code --conf}, plugins). Replaces the settings of an earlier call.
   *
   * @param settings Spark keys and values ({@code spark.sql.shuffle.partitions})
   * @throws IllegalStateException when the session runs or is starting already: use {@link
   *     #restart}
   * @throws UnsupportedOperationException when this kernel cannot configure its session (it runs
   *     with {@code --spark-init none}, for example)
   */
  default void configure(Map<String, String> settings) {
    throw new UnsupportedOperationException("this kernel cannot configure its SparkSession");
  }

  /**
   * Stops the running session (and its SparkContext) and starts a new one with the kernel's
   * settings plus {@code settings}, which replace those of earlier {@link #configure} calls. Blocks
   * until the new session runs. Whatever lived in the old session is gone: temporary views, cached
   * data, running jobs; values bound to the old session refer to a stopped one. Jars added through
   * {@link dev.kindling.api.KernelClasspath} are added to the new session. When no session was
   * started yet this is {@link #configure} followed by {@link #session()}.
   *
   * @return the new session
   * @throws SparkUnavailableException when the new session cannot start
   * @throws UnsupportedOperationException when this kernel cannot restart its session
   */
  default SparkSession restart(Map<String, String> settings) {
    throw new UnsupportedOperationException("this kernel cannot restart its SparkSession");
  }
}
