package dev.kindling.kernel.cli;

import dev.kindling.kernel.kernelspec.JupyterPaths;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where {@code install} and {@code uninstall} work: {@code --user}, {@code --prefix} or {@code
 * --sys-prefix}.
 */
final class KernelsLocation {

  /** The interpreter {@code --sys-prefix} asks when {@code --python} is not given. */
  static final String DEFAULT_PYTHON = "python3";

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Choice choice;

  static final class Choice {
    @Option(
        names = "--user",
        description =
            "The user's Jupyter data dir ($JUPYTER_DATA_DIR or ~/.local/share/jupyter,"
                + " ~/Library/Jupyter on macOS). The default.")
    boolean user;

    @Option(
        names = "--prefix",
        paramLabel = "DIR",
        description =
            "DIR/share/jupyter/kernels (Jupyter finds it when DIR is sys.prefix or"
                + " DIR/share/jupyter is on JUPYTER_PATH).")
    Path prefix;

    @Option(
        names = "--sys-prefix",
        description =
            "The Python environment of --python (default: "
                + DEFAULT_PYTHON
                + " on PATH): its sys.prefix/share/jupyter/kernels.")
    boolean sysPrefix;
  }

  /** The kernels directory chosen; {@code python} is asked for its prefix with --sys-prefix. */
  Path kernelsDir(Optional<String> python) {
    if (choice != null && choice.prefix != null) {
      return JupyterPaths.prefixKernelsDir(choice.prefix);
    }
    if (choice != null && choice.sysPrefix) {
      return JupyterPaths.sysPrefixKernelsDir(python.orElse(DEFAULT_PYTHON));
    }
    return JupyterPaths.userKernelsDir();
  }
}
