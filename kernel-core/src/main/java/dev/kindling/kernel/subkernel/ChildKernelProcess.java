package dev.kindling.kernel.subkernel;

import dev.kindling.api.ChildKernelException;
import dev.kindling.api.ChildKernelSpec;
import dev.kindling.protocol.ConnectionInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One launched child kernel process: its connection file (fresh loopback ports and signing key),
 * the process itself, and a thread that copies its output (stdout and stderr merged) into the
 * kernel log, keeping the last lines for error messages. Output of a child never reaches a cell
 * this way; cell output travels over the child's IOPub.
 */
final class ChildKernelProcess implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChildKernelProcess.class);
  private static final int KEPT_LINES = 20;

  private final String name;
  private final Process process;
  private final ConnectionInfo connection;
  private final Path connectionFile;
  private final Deque<String> lastLines = new ArrayDeque<>();

  private ChildKernelProcess(
      String name, Process process, ConnectionInfo connection, Path connectionFile) {
    this.name = name;
    this.process = process;
    this.connection = connection;
    this.connectionFile = connectionFile;
    Thread pump = new Thread(this::copyOutputToLog, "kindling-child-log-" + name);
    pump.setDaemon(true);
    pump.start();
  }

  /** Writes a connection file and launches the spec's command with it. */
  static ChildKernelProcess launch(ChildKernelSpec spec) throws ChildKernelException {
    Path file;
    ConnectionInfo info;
    try {
      info = freshConnection(spec.name());
      file = Files.createTempFile("kindling-child-" + safe(spec.name()) + "-", ".json");
      info.write(file);
    } catch (IOException e) {
      throw new ChildKernelException(
          "cannot write a connection file for " + spec.name() + ": " + e.getMessage(), e);
    }
    List<String> command = new ArrayList<>();
    for (String arg : spec.argv()) {
      command.add(arg.replace(ChildKernelSpec.CONNECTION_FILE, file.toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(spec.environment());
    spec.workingDirectory().ifPresent(dir -> builder.directory(dir.toFile()));
    try {
      Process process = builder.start();
      log.info("Started {} child kernel (pid {}): {}", spec.name(), process.pid(), command);
      return new ChildKernelProcess(spec.name(), process, info, file);
    } catch (IOException e) {
      deleteQuietly(file);
      throw new ChildKernelException(
          "cannot start " + spec.name() + " (" + command.get(0) + "): " + e.getMessage(), e);
    }
  }

  private static ConnectionInfo freshConnection(String name) throws IOException {
    int[] ports = new int[5];
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < ports.length; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        ports[i] = socket.getLocalPort();
      }
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
    String key = UUID.randomUUID().toString().replace("-", "");
    return new ConnectionInfo(
        "tcp",
        "127.0.0.1",
        ports[0],
        ports[1],
        ports[2],
        ports[3],
        ports[4],
        key,
        "hmac-sha256",
        name);
  }

  private void copyOutputToLog() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.info("[{} {}] {}", name, process.pid(), line);
        synchronized (lastLines) {
          if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
          }
          lastLines.addLast(line);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      log.debug("Output of child {} ended: {}", name, e.toString());
    }
  }

  ConnectionInfo connection() {
    return connection;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Sends SIGINT to the process (Java has no API for it, so through {@code kill -INT}); a failure
   * is logged, the cell then runs on until it ends by itself.
   */
  void signalInterrupt() {
    try {
      Process kill =
          new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
              .redirectErrorStream(true)
              .start();
      String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (kill.waitFor() != 0) {
        log.warn("kill -INT {} failed: {}", process.pid(), output.strip());
      }
    } catch (IOException e) {
      log.warn("cannot send SIGINT to child {}: {}", name, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Completes with the exit code when the process ends. */
  CompletableFuture<Integer> exit() {
    return process.onExit().thenApply(Process::exitValue);
  }

  /** The last lines the child wrote to stdout or stderr, oldest first. */
  List<String> lastOutput() {
    synchronized (lastLines) {
      return List.copyOf(lastLines);
    }
  }

  /** Waits (briefly) for the process to end by itself, then kills it; removes the file. */
  @Override
  public void close() {
    try {
      if (!process.waitFor(1, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      deleteQuietly(connectionFile);
    }
  }

  /** Kills the process at once. */
  void kill() {
    process.destroyForcibly();
    deleteQuietly(connectionFile);
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.debug("Could not delete {}", file, e);
    }
  }
}
