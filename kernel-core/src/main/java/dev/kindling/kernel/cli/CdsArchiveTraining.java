package dev.kindling.kernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/kindling cds-archive --if-needed} after an install: unless the archive there is
 * still valid for this Java and these jars, one training kernel answers requests and runs a small
 * Spark query, and its JVM writes the class-data archive that later kernels start from. Failing
 * here costs only start-up time, so it is reported and never fails the install.
 */
final class CdsArchiveTraining {

  private static final long TIMEOUT_SECONDS = 300;

  private CdsArchiveTraining() {}

  /** Returns whether the archive was written; says what happened on {@code out}. */
  static boolean run(Path launcher, PrintWriter out) {
    long started = System.nanoTime();
    Path said = null;
    try {
      // Into a file, not a pipe: reading a pipe would wait past the timeout for a stuck run.
      said = Files.createTempFile("kindling-cds-archive", ".txt");
      Process process =
          new ProcessBuilder(launcher.toString(), "cds-archive", "--if-needed")
              .redirectOutput(said.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
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
      if (Files.readString(said).contains("up to date")) {
        out.println("Class-data archive for faster kernel start-up: up to date");
      } else {
        out.printf(
            "Prepared the class-data archive for faster kernel start-up (%.1f s)%n",
            (System.nanoTime() - started) / 1e9);
      }
      return true;
    } catch (IOException e) {
      out.println("Class-data archive: cannot run " + launcher + ": " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      if (said != null) {
        try {
          Files.deleteIfExists(said);
        } catch (IOException e) {
          // a temporary file left behind
        }
      }
    }
  }
}
