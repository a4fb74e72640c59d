package dev.kindling.kernel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.kernel.spark.SparkStartMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KernelCommandTest {

  private static KernelCommand parse(String... args) {
    KernelCommand command = new KernelCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void sparkStartsEagerlyWithProgressByDefault() {
    KernelCommand command = parse("-f", "connection.json");

    assertThat(command.sparkInit).isEqualTo(SparkStartMode.EAGER);
    assertThat(command.progress).isTrue();
  }

  @Test
  void startModeAndProgressAreChosenOnTheCommandLine() {
    KernelCommand command =
        parse("-f", "c.json", "--spark-init", "NONE", "--progress", "off", "--conf", "a=b");

    assertThat(command.sparkInit).isEqualTo(SparkStartMode.NONE);
    assertThat(command.progress).isFalse();
    assertThat(command.conf).containsEntry("a", "b");
    assertThat(parse("-f", "c.json", "--spark-init", "lazy").sparkInit)
        .isEqualTo(SparkStartMode.LAZY);
  }

  @Test
  void aWrongValueSaysWhatIsAllowed() {
    assertThatThrownBy(() -> parse("-f", "c.json", "--spark-init", "later"))
        .hasMessageContaining("'later' is not one of eager, lazy, none");
    assertThatThrownBy(() -> parse("-f", "c.json", "--progress", "maybe"))
        .hasMessageContaining("'maybe' is not on or off");
  }

  @Test
  void anUnreadableConnectionFileEndsTheCommandWithOneClearLine(@TempDir Path directory) {
    Path missing = directory.resolve("kernel-1.json");
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = KindlingCommand.execute(new String[] {"kernel", "-f", missing.toString()});
    } finally {
      System.setErr(saved);
    }

    assertThat(code).isEqualTo(KernelCommand.CANNOT_START);
    assertThat(captured.toString(StandardCharsets.UTF_8).strip())
        .startsWith("kindling kernel: cannot read connection file " + missing)
        .doesNotContain("\tat ")
        .hasLineCount(1);
  }
}
