package dev.kindling.sparkr;

import java.util.Map;
import org.apache.spark.api.r.JVMObjectId;
import org.apache.spark.api.r.RAuthHelper;
import org.apache.spark.api.r.RBackend;
import scala.Tuple2;

/**
 * Spark's own R backend ({@code org.apache.spark.api.r.RBackend}), run inside the kernel JVM: a
 * loopback server protected by a random secret that an R process attaches to, as {@code
 * spark-submit} does for R scripts ({@code deploy/RRunner}). Both Kindling's own R bridge and a
 * real SparkR find it through {@link #environment()}.
 */
final class SparkRBackend implements AutoCloseable {

  /** The variable naming the bridge object's id in the backend, for the R side. */
  static final String BRIDGE_ID = "KINDLING_SPARKR_BRIDGE";

  private final RBackend backend;
  private final int port;
  private final String secret;
  private final String bridgeId;
  private final Thread server;

  private SparkRBackend(RBackend backend, int port, String secret, String bridgeId) {
    this.backend = backend;
    this.port = port;
    this.secret = secret;
    this.bridgeId = bridgeId;
    this.server = new Thread(backend::run, "kindling-sparkr-backend");
    server.setDaemon(true);
    server.start();
  }

  /**
   * Starts the backend on a free loopback port and registers {@code bridge} in it, so R can call
   * its methods by id.
   *
   * @param classLoader resolves the class names R uses in static calls; the backend's threads
   *     inherit it as their context loader
   */
  static SparkRBackend start(Object bridge, ClassLoader classLoader) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(classLoader);
    try {
      RBackend backend = new RBackend();
      Tuple2<Object, RAuthHelper> started = backend.init();
      int port = (Integer) started._1();
      JVMObjectId id = backend.jvmObjectTracker().addAndGetId(bridge);
      return new SparkRBackend(backend, port, started._2().secret(), id.id());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  int port() {
    return port;
  }

  String secret() {
    return secret;
  }

  /** The id under which R finds the bridge object. */
  String bridgeId() {
    return bridgeId;
  }

  /**
   * The environment that attaches an R process: the variables SparkR's {@code sparkR.session()}
   * reads for an existing backend, plus the bridge id for Kindling's own R side.
   */
  Map<String, String> environment() {
    return Map.of(
        "EXISTING_SPARKR_BACKEND_PORT",
        String.valueOf(port),
        "SPARKR_BACKEND_AUTH_SECRET",
        secret,
        "SPARKR_BACKEND_CONNECTION_TIMEOUT",
        "6000",
        BRIDGE_ID,
        bridgeId);
  }

  @Override
  public void close() {
    backend.close();
  }
}
