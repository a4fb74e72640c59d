package dev.kindling.sparkr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of an R test script (a test resource) attached to a {@link SparkRBackend}, with the R
 * sources of the bridge in {@code KINDLING_SPARKR_LIB}. The scripts print {@code PASS name} or
 * {@code FAIL name: reason} per check and {@code DONE} at the end.
 *
 * @param exitCode Rscript's exit code
 * @param output its stdout and stderr, line by line
 */
record RScriptRun(int exitCode, List<String> output) {

  static boolean rscriptAvailable() {
    try {
      return new ProcessBuilder("Rscript", "--version").start().waitFor(30, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static RScriptRun run(String resource, SparkRBackend backend) throws Exception {
    return run(resource, backend, Map.of());
  }

  static RScriptRun run(String resource, SparkRBackend backend, Map<String, String> environment)
      throws Exception {
    Path script = Files.createTempFile("kindling-sparkr-test", ".R");
    try (InputStream in = RScriptRun.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      Files.write(script, in.readAllBytes());
    }
    ProcessBuilder builder =
        new ProcessBuilder("Rscript", "--vanilla", script.toString()).redirectErrorStream(true);
    builder.environment().putAll(backend.environment());
    builder.environment().put("KINDLING_SPARKR_LIB", RSources.directory().toString());
    builder.environment().putAll(environment);
    Process process = builder.start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Rscript did not finish:\n" + text);
    }
    Files.deleteIfExists(script);
    return new RScriptRun(process.exitValue(), text.lines().toList());
  }

  List<String> failures() {
    return output.stream().filter(line -> line.startsWith("FAIL")).toList();
  }

  long passes() {
    return output.stream().filter(line -> line.startsWith("PASS")).count();
  }

  String text() {
    return String.join("\n", output);
  }
}
