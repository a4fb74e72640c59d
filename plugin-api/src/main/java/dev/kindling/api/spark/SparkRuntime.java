package dev.kindling.api.spark;

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
}
