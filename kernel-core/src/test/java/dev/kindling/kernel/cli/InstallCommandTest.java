package dev.kindling.kernel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.kernel.kernelspec.InstallSettings;
import dev.kindling.kernel.kernelspec.KindlingInterpreter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InstallCommandTest {

  private static final Path LAUNCHER = Path.of("/opt/kindling/bin/kindling");

  private static InstallCommand parse(String... args) {
    InstallCommand command = new InstallCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void installsAllFourInterpretersIntoTheUserDirByDefault() {
    InstallCommand command = parse();

    InstallSettings settings = command.settings(LAUNCHER);

    assertThat(settings.interpreters()).isEqualTo(KindlingInterpreter.SHIPPED);
    assertThat(settings.kernelNamePrefix()).isEqualTo("kindling");
    assertThat(command.location.choice).isNull();
  }

  @Test
  void interpretersAreACommaListAndPythonBecomesAbsolute() {
    InstallSettings settings =
        parse("--interpreters", "scala,SQL", "--python", "venv/bin/python", "--spark-init", "LAZY")
            .settings(LAUNCHER);

    assertThat(settings.interpreters())
        .extracting(KindlingInterpreter::name)
        .containsExactly("Scala", "SQL");
    assertThat(settings.python()).hasValue(Path.of("venv/bin/python").toAbsolutePath().toString());
    assertThat(settings.sparkInit()).hasValue("lazy");
  }

  @Test
  void prefixAndSysPrefixChooseTheKernelsDir(@TempDir Path tmp) {
    assertThat(parse("--prefix", tmp.toString()).location.kernelsDir(Optional.empty()))
        .isEqualTo(tmp.resolve("share/jupyter/kernels"));
  }

  @Test
  void locationsAreMutuallyExclusive() {
    assertThatThrownBy(() -> parse("--user", "--prefix", "/x"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("mutually exclusive");
  }

  @Test
  void installWritesSpecsAndUninstallRemovesThem(@TempDir Path tmp) throws Exception {
    Path home = tmp.resolve("kindling");
    Path bin = java.nio.file.Files.createDirectories(home.resolve("bin"));
    Path launcher = java.nio.file.Files.createFile(bin.resolve("kindling"));
    launcher.toFile().setExecutable(true);
    String previous = System.getProperty("kindling.home");
    System.setProperty("kindling.home", home.toString());
    try {
      StringWriter out = new StringWriter();
      int code =
          new CommandLine(new KindlingCommand())
              .setOut(new PrintWriter(out))
              .execute("install", "--prefix", tmp.toString(), "--interpreters", "Scala");
      assertThat(code).isZero();
      assertThat(out.toString()).contains("Installed kindling_scala (Kindling (Scala))");
      assertThat(tmp.resolve("share/jupyter/kernels/kindling_scala/kernel.json")).exists();

      StringWriter removed = new StringWriter();
      new CommandLine(new KindlingCommand())
          .setOut(new PrintWriter(removed))
          .execute("uninstall", "--prefix", tmp.toString());
      assertThat(removed.toString()).contains("Removed kindling_scala");
      assertThat(tmp.resolve("share/jupyter/kernels/kindling_scala")).doesNotExist();
    } finally {
      if (previous == null) {
        System.clearProperty("kindling.home");
      } else {
        System.setProperty("kindling.home", previous);
      }
    }
  }
}
