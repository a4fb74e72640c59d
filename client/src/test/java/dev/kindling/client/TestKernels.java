package dev.kindling.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts real Kindling kernels for the integration tests: the packaged distribution's launcher with
 * the test plugin ({@code kindling-test} language, {@code echo} and {@code rpc-echo} comm targets)
 * and Spark started lazily (never, for these tests). Fails, never skips, when the distribution or
 * the test plugin has not been built.
 */
public final class TestKernels {

  private TestKernels() {}

  /** The distribution's directory ({@code distribution/target/kindling-VERSION}). */
  public static Path distribution() {
    return existing("kindling.dist.dir", "bin/kindling", "the packaged distribution");
  }

  /** The directory holding the test plugin jar. */
  public static Path testPlugins() {
    return existing(
        "kindling.test.plugins", "kindling-test-plugin.jar", "the kernel-core test plugin");
  }

  /** The kernel command line, with {@link KernelProcess#CONNECTION_FILE} for the file. */
  public static List<String> command() {
    return List.of(
        distribution().resolve("bin/kindling").toString(),
        "kernel",
        "-f",
        KernelProcess.CONNECTION_FILE,
        "--plugins-dir",
        testPlugins().toString(),
        "--default-interpreter",
        "test",
        "--spark-init",
        "lazy");
  }

  /** Starts a kernel with its files in a fresh directory under the build's log directory. */
  public static KernelProcess start(String name) throws IOException {
    Path logs =
        Path.of(System.getProperty("kindling.test.logs", "target/kernel-logs"))
            .resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
    Files.createDirectories(logs);
    return KernelProcess.start(
        command(), logs, Map.of("KINDLING_LOG_DIR", logs.toAbsolutePath().toString()));
  }

  private static Path existing(String property, String child, String what) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          "system property "
              + property
              + " is not set: run the client integration tests through Maven (./mvnw verify)");
    }
    Path dir = Path.of(value);
    if (!Files.exists(dir.resolve(child))) {
      throw new IllegalStateException(
          what
              + " is missing ("
              + dir.resolve(child)
              + "): build it first with ./mvnw -B verify from the project root (the client"
              + " module's integration tests run after the distribution module is packaged)");
    }
    return dir;
  }
}
