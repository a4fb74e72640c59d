package dev.kindling.pyspark;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import py4j.ClientServer;

/**
 * The py4j server in the kernel JVM that the Python child attaches to: loopback only, protected by
 * a random auth token, in PySpark's pinned-thread mode (a {@link ClientServer}, so each Python
 * thread has its own JVM thread and keeps its Spark local properties).
 */
final class PySparkGateway implements AutoCloseable {

  private final ClientServer server;
  private final String secret;

  private PySparkGateway(ClientServer server, String secret) {
    this.server = server;
    this.secret = secret;
  }

  /**
   * Starts the server on a free loopback port.
   *
   * @param classLoader resolves the class names Python uses ({@code spark._jvm.some.Class}): py4j
   *     looks them up in its threads' context loader, which they inherit from this one
   */
  static PySparkGateway start(PySparkBridge entryPoint, ClassLoader classLoader) {
    byte[] token = new byte[32];
    new SecureRandom().nextBytes(token);
    String secret = HexFormat.of().formatHex(token);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // py4j finds the classes Python names through the context loader of its threads (its default
    // ClassLoadingStrategy), which inherit this one.
    thread.setContextClassLoader(classLoader);
    try {
      ClientServer server =
          new ClientServer.ClientServerBuilder(entryPoint)
              .javaPort(0)
              .javaAddress(InetAddress.getLoopbackAddress())
              .authToken(secret)
              .build();
      return new PySparkGateway(server, secret);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  int port() {
    return server.getJavaServer().getListeningPort();
  }

  /** The environment that makes PySpark's {@code launch_gateway()} attach to this server. */
  Map<String, String> environment() {
    return Map.of(
        "PYSPARK_GATEWAY_PORT",
        String.valueOf(port()),
        "PYSPARK_GATEWAY_SECRET",
        secret,
        "PYSPARK_PIN_THREAD",
        "true");
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
