package dev.kindling.kernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs after an install: unless {@code bin/kindling cds-archive --check} finds an archive that is
 * still valid for this Java and these jars, {@code bin/kindling cds-archive} trains a new one (a
 * kernel answers requests and runs a small Spark query, and its JVM writes the class-data archive
 * that later kernels start from). Failing here costs only start-up time, so it is reported and
 * never fails the install.
 */
final class CdsArchiveTraining {

  private static final long TIMEOUT_SECONDS = 300;
  private static final long CHECK_TIMEOUT_SECONDS = 60;

  private CdsArchiveTraining() {}

  /**
   * Keeps a class-data archive that still fits, or trains a new one; returns whether kernels have
   * one now and says what happened on {@code out}.
   */
  static boolean run(Path launcher, PrintWriter out) {
    try {
      if (upToDate(launcher)) {
        out.println("Class-data archive for faster kernel start-up: up to date");
        return true;
      }
      out.println(
          "Preparing the class-data archive for faster kernel start-up"
              + " (about half a minute, once)...");
      out.flush();
      long started = System.nanoTime();
      Process process = launch(launcher, "cds-archive");
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        out.println("Class-data archive: the training run took too long; kernels start without it");
        return false;
      }
      if (process.exitValue() != 0) {
        out.printf(
            "Class-data archive: the training run failed (exit %d, see the kernel log);"
                + " kernels start without it%n",
            process.exitValue());
        return false;
      }
      out.printf(
          "Prepared the class-data archive for faster kernel start-up (%.1f s)%n",
          (System.nanoTime() - started) / 1e9);
      return true;
    } catch (IOException e) {
      out.println("Class-data archive: cannot run " + launcher + ": " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether the launcher finds an archive that this Java accepts for these jars. */
  private static boolean upToDate(Path launcher) throws IOException, InterruptedException {
    Process check = launch(launcher, "cds-archive", "--check");
    if (!check.waitFor(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      check.destroyForcibly();
      return false;
    }
    return check.exitValue() == 0;
  }

  private static Process launch(Path launcher, String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
