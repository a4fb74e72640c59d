package dev.kindling.kernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/kindling cds-archive} after an install: one training kernel answers a request,
 * and its JVM writes the class-data archive that later kernels start from. Failing here costs only
 * start-up time, so it is reported and never fails the install.
 */
final class CdsArchiveTraining {

  private static final long TIMEOUT_SECONDS = 300;

  private CdsArchiveTraining() {}

  /** Returns whether the archive was written; says what happened on {@code out}. */
  static boolean run(Path launcher, PrintWriter out) {
    long started = System.nanoTime();
    ProcessBuilder builder =
        new ProcessBuilder(launcher.toString(), "cds-archive")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process process = builder.start();
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
}
