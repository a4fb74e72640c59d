package dev.kindling.kernel.kernelspec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code kernels} directories Jupyter reads, as jupyter_core computes them.
 *
 * <ul>
 *   <li>user: {@code $JUPYTER_DATA_DIR/kernels}, else {@code ~/Library/Jupyter/kernels} on macOS,
 *       {@code %APPDATA%\jupyter\kernels} on Windows, {@code $XDG_DATA_HOME/jupyter/kernels} or
 *       {@code ~/.local/share/jupyter/kernels} elsewhere;
 *   <li>prefix: {@code PREFIX/share/jupyter/kernels};
 *   <li>sys-prefix: the prefix of a Python environment, {@code sys.prefix} of its interpreter.
 * </ul>
 */
public final class JupyterPaths {

  private static final long PYTHON_TIMEOUT_SECONDS = 60;

  private JupyterPaths() {}

  /** The user's kernels directory for this process's environment and operating system. */
  public static Path userKernelsDir() {
    return userKernelsDir(
        System.getenv(),
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home")));
  }

  static Path userKernelsDir(Map<String, String> env, String osName, Path home) {
    return userDataDir(env, osName, home).resolve("kernels");
  }

  private static Path userDataDir(Map<String, String> env, String osName, Path home) {
    Optional<String> dataDir = nonEmpty(env.get("JUPYTER_DATA_DIR"));
    if (dataDir.isPresent()) {
      return Path.of(dataDir.get());
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return home.resolve("Library").resolve("Jupyter");
    }
    if (os.startsWith("windows")) {
      return nonEmpty(env.get("APPDATA"))
          .map(appData -> Path.of(appData, "jupyter"))
          .orElse(home.resolve("AppData").resolve("Roaming").resolve("jupyter"));
    }
    return nonEmpty(env.get("XDG_DATA_HOME"))
        .map(Path::of)
        .orElse(home.resolve(".local").resolve("share"))
        .resolve("jupyter");
  }

  /** {@code PREFIX/share/jupyter/kernels}. */
  public static Path prefixKernelsDir(Path prefix) {
    return prefix.toAbsolutePath().resolve("share").resolve("jupyter").resolve("kernels");
  }

  /**
   * The kernels directory of the Python environment {@code python} belongs to.
   *
   * @throws IllegalStateException when the interpreter cannot be run or says nothing useful
   */
  public static Path sysPrefixKernelsDir(String python) {
    return prefixKernelsDir(sysPrefix(python));
  }

  static Path sysPrefix(String python) {
    ProcessBuilder builder =
        new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)")
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process process = builder.start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      if (!process.waitFor(PYTHON_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(python + " did not print sys.prefix in time");
      }
      if (process.exitValue() != 0 || output.isEmpty()) {
        throw new IllegalStateException(
            python
                + " -c 'import sys; print(sys.prefix)' failed (exit "
                + process.exitValue()
                + ")");
      }
      return Path.of(output);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run " + python + " to find the environment's prefix: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking " + python + " for sys.prefix", e);
    }
  }

  private static Optional<String> nonEmpty(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
