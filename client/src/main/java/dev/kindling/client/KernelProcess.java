package dev.kindling.client;

import dev.kindling.protocol.ConnectionInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A kernel process this program starts and owns, as a notebook server's kernel manager would: it
 * writes a connection file with free local ports and a fresh signing key, runs the kernel's command
 * with {@code {connection_file}} replaced by that file, and can kill or restart it on the same
 * ports.
 *
 * <pre>{@code
 * Path launcher = Path.of("kindling-0.1.0/bin/kindling");
 * try (KernelProcess kernel = KernelProcess.start(
 *         List.of(launcher.toString(), "kernel", "-f", "{connection_file}"), workDir);
 *     KindlingClient client = kernel.connect()) {
 *   ...
 * }
 * }</pre>
 */
public final class KernelProcess implements AutoCloseable {

  /** The placeholder in the command that becomes the connection file's path. */
  public static final String CONNECTION_FILE = "{connection_file}";

  private final List<String> command;
  private final Path connectionFile;
  private final Path log;
  private final ConnectionInfo info;
  private final Map<String, String> environment;
  private Process process;

  private KernelProcess(
      List<String> command, Path directory, ConnectionInfo info, Map<String, String> environment)
      throws IOException {
    this.command = List.copyOf(command);
    this.connectionFile = directory.resolve("kernel-connection.json");
    this.log = directory.resolve("kernel-output.log");
    this.info = info;
    this.environment = Map.copyOf(environment);
    info.write(connectionFile);
  }

  /**
   * Starts a kernel. Its standard output and error go to {@code kernel-output.log} in {@code
   * directory}, next to the connection file.
   *
   * @param command the kernel's command line; {@value #CONNECTION_FILE} marks the connection file
   * @param directory where to write the connection file and the log (created if needed)
   */
  public static KernelProcess start(List<String> command, Path directory) throws IOException {
    return start(command, directory, Map.of());
  }

  /** Starts a kernel with extra environment variables. */
  public static KernelProcess start(
      List<String> command, Path directory, Map<String, String> environment) throws IOException {
    Files.createDirectories(directory);
    List<Integer> ports = freePorts(5);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    ConnectionInfo info =
        new ConnectionInfo(
            "tcp",
            "127.0.0.1",
            ports.get(0),
            ports.get(1),
            ports.get(2),
            ports.get(3),
            ports.get(4),
            HexFormat.of().formatHex(key),
            "hmac-sha256",
            "");
    KernelProcess kernel = new KernelProcess(command, directory, info, environment);
    kernel.launch();
    return kernel;
  }

  private synchronized void launch() throws IOException {
    List<String> argv = new ArrayList<>();
    for (String arg : command) {
      argv.add(arg.replace(CONNECTION_FILE, connectionFile.toString()));
    }
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
    builder.environment().putAll(environment);
    process = builder.start();
  }

  /** Connects a new client and waits until the kernel answers. */
  public KindlingClient connect() throws TimeoutException, InterruptedException {
    return KindlingClient.connect(info);
  }

  /** Where the kernel listens and its key. */
  public ConnectionInfo connectionInfo() {
    return info;
  }

  /** The connection file, for other clients. */
  public Path connectionFile() {
    return connectionFile;
  }

  /** The kernel's standard output and error. */
  public Path logFile() {
    return log;
  }

  /** The process id of the kernel's launcher process. */
  public synchronized long pid() {
    return process.pid();
  }

  /** Whether the process is running. */
  public synchronized boolean isAlive() {
    return process.isAlive();
  }

  /** Waits up to {@code timeout} for the process to exit. */
  public boolean waitForExit(Duration timeout) throws InterruptedException {
    Process current;
    synchronized (this) {
      current = process;
    }
    return current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Kills the process (and its children) at once, as a crash would. */
  public void kill() throws InterruptedException {
    Process current;
    synchronized (this) {
      current = process;
    }
    current.descendants().forEach(ProcessHandle::destroyForcibly);
    current.destroyForcibly();
    current.waitFor(10, TimeUnit.SECONDS);
  }

  /**
   * Starts the kernel again on the same connection file (ports and key), after it exited (for
   * example after a {@code shutdown_request} with {@code restart}); connected clients reconnect by
   * themselves.
   *
   * @throws IllegalStateException when the process is still running
   */
  public synchronized void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException("the kernel is still running; shut it down first");
    }
    launch();
  }

  /** Kills the kernel if it is still running (politely first, then forcibly after 5 s). */
  @Override
  public void close() {
    Process current;
    synchronized (this) {
      current = process;
    }
    if (!current.isAlive()) {
      return;
    }
    current.destroy();
    try {
      if (!current.waitFor(5, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      current.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static java.io.File nullFile() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** Ports free right now on the loopback interface (held together, so all differ). */
  private static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setReuseAddress(true);
        sockets.add(socket);
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
