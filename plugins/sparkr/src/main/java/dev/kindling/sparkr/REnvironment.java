package dev.kindling.sparkr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What an R executable offers SparkR cells: its version and the version of IRkernel installed for
 * it. Found by running it once with a tiny script.
 *
 * @param executable the command, as configured ({@code R} or a path)
 * @param rVersion for example {@code 4.2.2}
 * @param irkernelVersion empty when IRkernel is not installed
 */
record REnvironment(String executable, String rVersion, Optional<String> irkernelVersion) {

  /** What to install, said once in every message about a missing R or IRkernel. */
  static final String INSTALL =
      "Install R and IRkernel (Debian/Ubuntu: apt-get install r-base-core r-cran-irkernel;"
          + " elsewhere: install R, then in R install.packages('IRkernel')),"
          + " or point Kindling at an R that has them with --conf "
          + SparkRSettings.R
          + "=/path/to/R.";

  private static final String PROBE =
      "cat('r=', R.version$major, '.', R.version$minor, '\\n', sep = '');"
          + " cat('irkernel=', if (requireNamespace('IRkernel', quietly = TRUE))"
          + " as.character(utils::packageVersion('IRkernel')) else '', '\\n', sep = '')";

  /**
   * Runs {@code executable} to find out.
   *
   * @throws SparkRSetupException when it cannot be run; the message says what to install
   */
  static REnvironment probe(String executable) throws SparkRSetupException {
    Process process;
    try {
      process =
          new ProcessBuilder(List.of(executable, "--slave", "--no-restore", "-e", PROBE))
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new SparkRSetupException(
          "cannot run R ('" + executable + "': " + e.getMessage() + "). " + INSTALL);
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new SparkRSetupException(
            "R ('" + executable + "') failed to start: " + output.strip() + ". " + INSTALL);
      }
      Map<String, String> values = new HashMap<>();
      for (String line : output.split("\\R")) {
        int equals = line.indexOf('=');
        if (equals > 0) {
          values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
      }
      if (!values.containsKey("r")) {
        throw new SparkRSetupException(
            "'" + executable + "' does not look like R: " + output.strip() + ". " + INSTALL);
      }
      String irkernel = values.getOrDefault("irkernel", "");
      return new REnvironment(
          executable,
          values.get("r"),
          irkernel.isBlank() ? Optional.empty() : Optional.of(irkernel));
    } catch (IOException e) {
      throw new SparkRSetupException("cannot read from '" + executable + "': " + e.getMessage());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new SparkRSetupException("interrupted while checking '" + executable + "'");
    }
  }

  /**
   * Checks that IRkernel is there.
   *
   * @throws SparkRSetupException naming what to install
   */
  void requireIrkernel() throws SparkRSetupException {
    if (irkernelVersion.isEmpty()) {
      throw new SparkRSetupException(
          "IRkernel is not installed for R " + rVersion + " ('" + executable + "'). " + INSTALL);
    }
  }
}
