package dev.kindling.pyspark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a Python executable offers PySpark: its version, and the versions of ipykernel and pyspark
 * installed for it. Found by running it once with a tiny script that imports nothing heavy.
 *
 * @param executable the command, as configured ({@code python3} or a path)
 * @param pythonVersion for example {@code 3.11.7}
 * @param ipykernelVersion empty when ipykernel is not installed
 * @param pysparkVersion empty when pyspark is not installed
 */
record PythonEnvironment(
    String executable,
    String pythonVersion,
    Optional<String> ipykernelVersion,
    Optional<String> pysparkVersion) {

  private static final String PROBE =
      String.join(
          "\n",
          "import sys, importlib.metadata as m",
          "print('python=%d.%d.%d' % sys.version_info[:3])",
          "for name in ('ipykernel', 'pyspark'):",
          "    try:",
          "        print(name + '=' + m.version(name))",
          "    except Exception:",
          "        print(name + '=')");

  /**
   * Runs {@code executable} to find out.
   *
   * @throws PySparkSetupException when it cannot be run; the message says what to configure
   */
  static PythonEnvironment probe(String executable) throws PySparkSetupException {
    Process process;
    try {
      process =
          new ProcessBuilder(List.of(executable, "-c", PROBE)).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new PySparkSetupException(
          "cannot run the Python executable '"
              + executable
              + "' ("
              + e.getMessage()
              + "). Install Python 3, or point Kindling at one with --conf "
              + PySparkSettings.PYTHON
              + "=/path/to/python (the installer's --python option).");
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new PySparkSetupException(
            "the Python executable '" + executable + "' failed to start: " + output.strip());
      }
      Map<String, String> values = new HashMap<>();
      for (String line : output.split("\\R")) {
        int equals = line.indexOf('=');
        if (equals > 0) {
          values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
      }
      return new PythonEnvironment(
          executable,
          values.getOrDefault("python", ""),
          nonEmpty(values.get("ipykernel")),
          nonEmpty(values.get("pyspark")));
    } catch (IOException e) {
      throw new PySparkSetupException("cannot read from '" + executable + "': " + e.getMessage());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PySparkSetupException("interrupted while checking '" + executable + "'");
    }
  }

  /**
   * Checks that this Python can run PySpark cells against Spark {@code sparkVersion}.
   *
   * @throws PySparkSetupException naming what is missing or mismatched, both versions and the fix
   */
  void requireUsableWith(String sparkVersion) throws PySparkSetupException {
    String fix = " Fix: " + executable + " -m pip install pyspark==" + sparkVersion + " ipykernel";
    if (pysparkVersion.isEmpty() || ipykernelVersion.isEmpty()) {
      String missing =
          pysparkVersion.isEmpty() && ipykernelVersion.isEmpty()
              ? "pyspark and ipykernel are"
              : pysparkVersion.isEmpty() ? "pyspark is" : "ipykernel is";
      throw new PySparkSetupException(
          missing
              + " not installed for "
              + executable
              + " (Python "
              + pythonVersion
              + "); the kernel runs Spark "
              + sparkVersion
              + "."
              + fix);
    }
    if (!pysparkVersion.get().equals(sparkVersion)) {
      throw new PySparkSetupException(
          "pyspark "
              + pysparkVersion.get()
              + " is installed for "
              + executable
              + ", but the kernel runs Spark "
              + sparkVersion
              + "; they must be the same version."
              + fix);
    }
  }

  private static Optional<String> nonEmpty(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
