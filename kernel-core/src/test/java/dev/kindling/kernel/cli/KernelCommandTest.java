package dev.kindling.kernel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.kernel.spark.SparkStartMode;
import org.junit.jupiter.api.Test;
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
}
