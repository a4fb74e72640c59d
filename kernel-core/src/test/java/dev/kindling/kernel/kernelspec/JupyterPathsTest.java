package dev.kindling.kernel.kernelspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JupyterPathsTest {

  private static final Path HOME = Path.of("/home/ada");

  @Test
  void userDirFollowsJupyterDataDirFirst() {
    assertThat(JupyterPaths.userKernelsDir(Map.of("JUPYTER_DATA_DIR", "/data/j"), "Linux", HOME))
        .isEqualTo(Path.of("/data/j/kernels"));
  }

  @Test
  void userDirOnLinuxIsUnderXdgDataHomeOrLocalShare() {
    assertThat(JupyterPaths.userKernelsDir(Map.of(), "Linux", HOME))
        .isEqualTo(Path.of("/home/ada/.local/share/jupyter/kernels"));
    assertThat(JupyterPaths.userKernelsDir(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", HOME))
        .isEqualTo(Path.of("/xdg/jupyter/kernels"));
  }

  @Test
  void userDirOnMacOsIsLibraryJupyter() {
    assertThat(JupyterPaths.userKernelsDir(Map.of(), "Mac OS X", HOME))
        .isEqualTo(Path.of("/home/ada/Library/Jupyter/kernels"));
  }

  @Test
  void prefixDirIsShareJupyterKernels() {
    assertThat(JupyterPaths.prefixKernelsDir(Path.of("/opt/env")))
        .isEqualTo(Path.of("/opt/env/share/jupyter/kernels"));
  }

  @Test
  void sysPrefixAsksThePythonInterpreter(@TempDir Path tmp) throws IOException {
    Path python = fakePython(tmp, "echo /envs/data-science");

    assertThat(JupyterPaths.sysPrefixKernelsDir(python.toString()))
        .isEqualTo(Path.of("/envs/data-science/share/jupyter/kernels"));
  }

  @Test
  void aPythonThatFailsOrIsMissingIsReported(@TempDir Path tmp) throws IOException {
    Path failing = fakePython(tmp, "exit 3");

    assertThatThrownBy(() -> JupyterPaths.sysPrefixKernelsDir(failing.toString()))
        .hasMessageContaining("failed (exit 3)");
    assertThatThrownBy(() -> JupyterPaths.sysPrefixKernelsDir(tmp.resolve("nope").toString()))
        .hasMessageContaining("cannot run");
  }

  private static Path fakePython(Path dir, String body) throws IOException {
    Path script = dir.resolve("python");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
