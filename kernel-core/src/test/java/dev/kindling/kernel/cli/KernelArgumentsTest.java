package dev.kindling.kernel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.kernel.kernelspec.InstallSettings;
import dev.kindling.kernel.kernelspec.KernelSpec;
import dev.kindling.kernel.kernelspec.KernelSpecFactory;
import dev.kindling.kernel.kernelspec.KindlingInterpreter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class KernelArgumentsTest {

  /** A valid value for each option, to try every option picocli knows on the plain reader. */
  private static final Map<String, String> SAMPLE_VALUES =
      Map.of(
          "--connection-file", "other.json",
          "--plugins-dir", "/opt/plugins",
          "--default-interpreter", "PySpark",
          "--conf", "spark.ui.enabled=false",
          "--spark-init", "none",
          "--progress", "off");

  static Stream<List<String>> kernelspecCommandLines() {
    return Stream.of(
        List.of("-f", "/run/kernel-1.json"),
        List.of("-f", "c.json", "--default-interpreter", "SQL"),
        List.of("--connection-file", "c.json", "--plugins-dir", "/opt/kindling/plugins"),
        List.of(
            "-f", "c.json",
            "--default-interpreter", "PySpark",
            "--plugins-dir", "/p",
            "--spark-init", "LAZY",
            "--conf", "spark.master=local[2]",
            "--conf", "kindling.python=/usr/bin/python3",
            "--conf", "spark.driver.extraJavaOptions=-Da=b -Dc=d",
            "--progress", "off"),
        List.of("--connection-file=c.json", "--spark-init=none", "--progress=true", "--conf=a=b=c"),
        List.of("-f", "c.json", "--conf", "empty="));
  }

  @ParameterizedTest
  @MethodSource("kernelspecCommandLines")
  void readsWhatAKernelspecWritesExactlyAsPicocliDoes(List<String> args) {
    String[] array = args.toArray(String[]::new);

    Optional<KernelCommand> plain = KernelArguments.read(array);

    assertThat(plain).as("read without picocli").isPresent();
    assertThat(fieldsOf(plain.get())).isEqualTo(fieldsOf(picocli(array)));
  }

  /** The command lines {@code kindling install} writes: these must never need picocli. */
  static Stream<List<String>> installedKernelspecCommandLines() {
    Path launcher = Path.of("/opt/kindling/bin/kindling");
    InstallSettings everything =
        new InstallSettings(
            launcher,
            "team",
            KindlingInterpreter.SHIPPED,
            Optional.of(Path.of("/opt/spark")),
            Optional.of("--master local[2]"),
            Optional.of("/usr/bin/python3"),
            Optional.of(Path.of("/opt/plugins")),
            Optional.of("lazy"),
            Map.of("spark.sql.shuffle.partitions", "4", "spark.ui.enabled", "false"));
    return Stream.of(InstallSettings.defaults(launcher), everything)
        .flatMap(settings -> KernelSpecFactory.specs(settings).stream())
        .map(KernelArgumentsTest::kernelArguments);
  }

  /** A kernelspec's argv as the kernel gets it: after {@code kindling kernel}, file filled in. */
  private static List<String> kernelArguments(KernelSpec spec) {
    List<String> argv = spec.argv();
    assertThat(argv.get(1)).isEqualTo("kernel");
    return argv.subList(2, argv.size()).stream()
        .map(arg -> arg.replace("{connection_file}", "/run/kernel-1.json"))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("installedKernelspecCommandLines")
  void readsEveryKernelspecThatInstallWritesWithoutPicocli(List<String> args) {
    readsWhatAKernelspecWritesExactlyAsPicocliDoes(args);
  }

  @Test
  void leavesEverythingElseToPicocliSoUsersGetItsMessages() {
    List<List<String>> others =
        List.of(
            List.of(),
            List.of("--help"),
            List.of("-h"),
            List.of("-f"),
            List.of("--plugins-dir", "/p"),
            List.of("-f", "a.json", "-f", "b.json"),
            List.of("-f", "a.json", "--connection-file", "b.json"),
            List.of("-f", "a.json", "--no-such-option", "x"),
            List.of("-fa.json"),
            List.of("-f", "a.json", "--spark-init", "later"),
            List.of("-f", "a.json", "--progress", "maybe"),
            List.of("-f", "a.json", "--conf", "no-equals-sign"),
            List.of("-f", "a.json", "--default-interpreter", "--progress"),
            List.of("-f", "a.json", "extra"));

    for (List<String> args : others) {
      assertThat(KernelArguments.read(args.toArray(String[]::new))).as(args.toString()).isEmpty();
    }
  }

  @Test
  void knowsEveryOptionOfTheKernelCommand() {
    CommandLine.Model.CommandSpec spec = new CommandLine(new KernelCommand()).getCommandSpec();
    for (OptionSpec option : spec.options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      for (String name : option.names()) {
        String canonical = option.longestName();
        assertThat(SAMPLE_VALUES)
            .as("a sample value for %s: teach KernelArguments the new option", canonical)
            .containsKey(canonical);
        String[] args = {"-f", "c.json", name, SAMPLE_VALUES.get(canonical)};
        if (canonical.equals("--connection-file")) {
          args = new String[] {name, SAMPLE_VALUES.get(canonical)};
        }
        Optional<KernelCommand> plain = KernelArguments.read(args);
        assertThat(plain).as("KernelArguments reads %s", name).isPresent();
        assertThat(fieldsOf(plain.get())).isEqualTo(fieldsOf(picocli(args)));
      }
    }
  }

  private static KernelCommand picocli(String[] args) {
    KernelCommand command = new KernelCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static List<Object> fieldsOf(KernelCommand command) {
    return Arrays.asList(
        command.connectionFile,
        command.pluginsDir,
        command.defaultInterpreter,
        command.conf,
        command.sparkInit,
        command.progress);
  }
}
