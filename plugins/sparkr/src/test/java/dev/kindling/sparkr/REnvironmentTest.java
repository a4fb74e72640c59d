package dev.kindling.sparkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kindling.api.ChildKernelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class REnvironmentTest {

  @Test
  void aMissingRNamesWhatToInstall() {
    assertThatThrownBy(() -> REnvironment.probe("/nonexistent/bin/R"))
        .isInstanceOf(SparkRSetupException.class)
        .hasMessageContaining("cannot run R ('/nonexistent/bin/R'")
        .hasMessageContaining("apt-get install r-base-core r-cran-irkernel")
        .hasMessageContaining("--conf kindling.r=/path/to/R");
  }

  @Test
  void aMissingIrkernelNamesWhatToInstall() {
    REnvironment bare = new REnvironment("R", "4.2.2", Optional.empty());
    assertThatThrownBy(bare::requireIrkernel)
        .isInstanceOf(SparkRSetupException.class)
        .hasMessageStartingWith("IRkernel is not installed for R 4.2.2 ('R').")
        .hasMessageContaining("install.packages('IRkernel')");
  }

  @Test
  void theInstalledRReportsItsVersions() throws Exception {
    assumeTrue(RScriptRun.rscriptAvailable(), "R is not installed");
    REnvironment r = REnvironment.probe("R");
    assertThat(r.rVersion()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(r.irkernelVersion()).isPresent();
  }

  @Test
  void theChildIsIrkernelInterruptedBySignal() {
    ChildKernelSpec spec = SparkRInterpreter.spec("/opt/R/bin/R", Map.of("A", "b"));
    assertThat(spec.argv())
        .containsExactly(
            "/opt/R/bin/R", "--slave", "-e", "IRkernel::main()", "--args", "{connection_file}");
    assertThat(spec.interruptMode()).isEqualTo(ChildKernelSpec.InterruptMode.SIGNAL);
    assertThat(spec.environment()).containsEntry("A", "b");
    assertThat(spec.startupCode()).hasValueSatisfying(code -> assertThat(code).contains("spark"));
  }

  @Test
  void useSparkRNeedsSparkRInSparkHome(@TempDir Path sparkHome) throws Exception {
    assertThatThrownBy(() -> SparkRInterpreter.sparkRLibrary(null))
        .isInstanceOf(SparkRSetupException.class)
        .hasMessageContaining("SPARK_HOME is not");
    assertThatThrownBy(() -> SparkRInterpreter.sparkRLibrary(sparkHome.toString()))
        .isInstanceOf(SparkRSetupException.class)
        .hasMessageContaining("no SparkR package at " + sparkHome.resolve("R/lib/SparkR"));
    Path sparkR = Files.createDirectories(sparkHome.resolve("R/lib/SparkR"));
    Files.writeString(sparkR.resolve("DESCRIPTION"), "Package: SparkR\n");
    assertThat(SparkRInterpreter.sparkRLibrary(sparkHome.toString()))
        .isEqualTo(sparkHome.resolve("R/lib"));
  }
}
