package dev.kindling.kernel.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.KernelLauncher;
import dev.kindling.kernel.KernelOptions;
import dev.kindling.kernel.logging.StartupLogging;
import dev.kindling.kernel.spark.SparkOptions;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.ConnectionInfo;
import dev.kindling.protocol.client.KernelConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;

/**
 * {@code kindling cds-training} (hidden): the training run for the class-data sharing archive.
 *
 * <p>bin/kindling runs it with {@code -XX:ArchiveClassesAtExit}: it starts a kernel in this JVM on
 * loopback ports, asks it for {@code kernel_info}, an empty execute and a small Spark SQL query
 * through the protocol client, shuts it down and exits, so the archive holds the classes a kernel
 * needs to answer its first request and to run its first Spark job.
 */
@Command(name = "cds-training", hidden = true, description = "Training run for the CDS archive.")
final class CdsTrainingCommand implements Callable<Integer> {

  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SPARK_TIMEOUT = Duration.ofSeconds(180);

  /** A query that plans, generates code, shuffles and aggregates, as most first cells do. */
  static final String SPARK_TRAINING_CELL =
      "%%sql\nSELECT id % 3 AS k, count(*) AS n FROM range(1000) GROUP BY k ORDER BY k";

  @Override
  public Integer call() throws Exception {
    StartupLogging.deferInThisProcess(); // as a kernel process does, so the archive has its classes
    ConnectionInfo connection = loopbackConnection();
    AtomicInteger exitCode = new AtomicInteger(-1);
    Thread kernel =
        new Thread(
            () -> {
              try {
                exitCode.set(
                    KernelLauncher.run(
                        new KernelOptions(
                            connection,
                            KernelCommand.defaultPluginsDir(),
                            "Scala",
                            Map.of(),
                            SparkOptions.lazy())));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "kindling-cds-training-kernel");
    kernel.start();
    try (KernelConnection client = KernelConnection.open(connection)) {
      ObjectNode empty = JsonNodeFactory.instance.objectNode();
      client.request(Channel.SHELL, "kernel_info_request", empty, REPLY_TIMEOUT);
      ObjectNode execute =
          JsonNodeFactory.instance.objectNode().put("code", "").put("silent", false);
      client.request(Channel.SHELL, "execute_request", execute, REPLY_TIMEOUT);
      // A first Spark query: the session's start and Spark SQL's planning, code generation and
      // execution load thousands of classes, which the archive then holds for every kernel's
      // first Spark cell. Without the SQL plugin the cell fails, and the archive is as before.
      ObjectNode query =
          JsonNodeFactory.instance
              .objectNode()
              .put("code", SPARK_TRAINING_CELL)
              .put("silent", false);
      client.request(Channel.SHELL, "execute_request", query, SPARK_TIMEOUT);
      ObjectNode shutdown = JsonNodeFactory.instance.objectNode().put("restart", false);
      client.request(Channel.CONTROL, "shutdown_request", shutdown, REPLY_TIMEOUT);
    }
    kernel.join(REPLY_TIMEOUT.toMillis());
    return exitCode.get() == 0 ? 0 : 1;
  }

  private static ConnectionInfo loopbackConnection() throws IOException {
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    return new ConnectionInfo(
        "tcp",
        "127.0.0.1",
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        HexFormat.of().formatHex(key),
        "hmac-sha256",
        "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
