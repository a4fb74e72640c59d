package dev.kindling.magics;

import dev.kindling.api.ExecutionResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script through {@code /bin/sh}: its stdout and stderr reach the cell as they come, its
 * stdin is empty, and an interrupt of the waiting thread ends the process and its descendants.
 */
final class ShellCommand {

  /** How long to wait for the last output after the process ended. */
  private static final long DRAIN_MILLIS = 2000;

  private final String script;

  ShellCommand(String script) {
    this.script = script;
  }

  /**
   * Runs the script and waits for it.
   *
   * @return empty on exit code 0, else an error naming the exit code
   * @throws InterruptedException when interrupted: the process tree has been killed
   */
  ExecutionResult run() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("/bin/sh", "-c", script)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    // Copy threads are started by the cell's thread, so their writes reach the cell.
    Thread out = copy(process.getInputStream(), System.out, "kindling-sh-stdout");
    Thread err = copy(process.getErrorStream(), System.err, "kindling-sh-stderr");
    int exitCode;
    try {
      exitCode = process.waitFor();
      out.join(DRAIN_MILLIS);
      err.join(DRAIN_MILLIS);
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
    if (exitCode == 0) {
      return ExecutionResult.empty();
    }
    String message = "the command exited with code " + exitCode;
    return ExecutionResult.error(
        "ShellError", message, List.of("ShellError: " + message, "", firstLine(script)));
  }

  private static String firstLine(String script) {
    String trimmed = script.strip();
    int newline = trimmed.indexOf('\n');
    return "$ " + (newline < 0 ? trimmed : trimmed.substring(0, newline) + " ...");
  }

  /** Ends the process and everything it started, children first. */
  static void kill(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread copy(InputStream from, PrintStream to, String name) {
    Thread thread = new Thread(() -> pump(from, to), name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void pump(InputStream from, OutputStream to) {
    byte[] buffer = new byte[8192];
    try (from) {
      int n;
      while ((n = from.read(buffer)) >= 0) {
        to.write(buffer, 0, n);
        to.flush();
      }
    } catch (IOException e) {
      // the process ended or was killed: nothing more to copy
    }
  }
}
