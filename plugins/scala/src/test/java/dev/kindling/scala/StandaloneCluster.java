package dev.kindling.scala;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: a Spark standalone cluster on loopback, a Master and Workers as separate JVMs
 * started from the Spark jars on the test class path. Its Spark home holds only those jars (no
 * Kindling classes), as on a real cluster, so executors load REPL classes only through {@code
 * spark.repl.class.uri}.
 */
final class StandaloneCluster implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path home;
  private final List<Process> processes = new ArrayList<>();
  private final String masterUrl;

  private StandaloneCluster(Path home, int masterPort) {
    this.home = home;
    this.masterUrl = "spark://127.0.0.1:" + masterPort;
  }

  /** Starts a master and {@code workers} workers with one core each; waits until they run. */
  static StandaloneCluster start(Path directory, int workers, List<String> jvmFlags)
      throws IOException, InterruptedException {
    Path home = sparkHome(directory.resolve("spark-home"));
    StandaloneCluster cluster = new StandaloneCluster(home, freePort());
    try {
      String port = cluster.masterUrl.substring(cluster.masterUrl.lastIndexOf(':') + 1);
      Path masterLog =
          cluster.launch(
              directory,
              "master",
              jvmFlags,
              List.of(
                  "org.apache.spark.deploy.master.Master",
                  "--host",
                  "127.0.0.1",
                  "--port",
                  port,
                  "--webui-port",
                  String.valueOf(freePort())));
      awaitLine(masterLog, "I have been elected leader");
      for (int i = 0; i < workers; i++) {
        Path workDir = Files.createDirectories(directory.resolve("work-" + i));
        Path workerLog =
            cluster.launch(
                directory,
                "worker-" + i,
                jvmFlags,
                List.of(
                    "org.apache.spark.deploy.worker.Worker",
                    cluster.masterUrl,
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    "1",
                    "--memory",
                    "1g",
                    "--webui-port",
                    String.valueOf(freePort()),
                    "--work-dir",
                    workDir.toString()));
        awaitLine(workerLog, "Successfully registered with master");
      }
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  private Path launch(Path directory, String name, List<String> jvmFlags, List<String> main)
      throws IOException {
    Path log = directory.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(home.resolve("jars").toString() + File.separator + "*");
    command.addAll(main);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("SPARK_HOME", home.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    processes.add(builder.start());
    return log;
  }

  /** A Spark home whose jars/ links the test class path's jars, without Kindling's own. */
  private static Path sparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      String name = jar.getFileName().toString();
      boolean wanted =
          name.endsWith(".jar")
              && !name.startsWith("kindling-")
              && !name.startsWith("junit-")
              && !name.startsWith("assertj-")
              && Files.isRegularFile(jar);
      if (wanted && !Files.exists(jars.resolve(name))) {
        Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
      }
    }
    return home;
  }

  private static void awaitLine(Path log, String text) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new IllegalStateException(
        "no '" + text + "' in " + log + " within " + START_TIMEOUT + ":\n" + Files.readString(log));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (Process process : processes) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
