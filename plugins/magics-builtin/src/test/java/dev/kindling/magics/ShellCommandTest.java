package dev.kindling.magics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.ExecutionResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShellCommandTest {

  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void capture() {
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private String text(ByteArrayOutputStream stream) {
    synchronized (stream) {
      return stream.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void stdoutAndStderrGoToTheirStreams() throws Exception {
    ExecutionResult result = new ShellCommand("echo hällo; echo oops >&2").run();
    assertThat(result).isEqualTo(ExecutionResult.empty());
    assertThat(text(out)).isEqualTo("hällo\n");
    assertThat(text(err)).isEqualTo("oops\n");
  }

  @Test
  void aNonZeroExitFailsWithTheCode() throws Exception {
    ExecutionResult result = new ShellCommand("echo partial; exit 3").run();
    assertThat(result).isInstanceOf(ExecutionResult.Error.class);
    ExecutionResult.Error error = (ExecutionResult.Error) result;
    assertThat(error.name()).isEqualTo("ShellError");
    assertThat(error.message()).contains("code 3");
    assertThat(text(out)).isEqualTo("partial\n");
  }

  @Test
  void stdinIsEmpty() throws Exception {
    assertThat(new ShellCommand("cat; echo done").run()).isEqualTo(ExecutionResult.empty());
    assertThat(text(out)).isEqualTo("done\n");
  }

  @Test
  void anInterruptKillsTheProcessAndItsChildrenPromptly() throws Exception {
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    Thread runner =
        new Thread(
            () -> {
              try {
                new ShellCommand("sleep 120 & echo child $!; sleep 120").run();
                ended.complete(null);
              } catch (Throwable e) {
                ended.complete(e);
              }
            });
    runner.start();
    long childPid = awaitChildPid();
    assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).contains(true);
    long interruptedAt = System.nanoTime();
    runner.interrupt();
    assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    assertThat(System.nanoTime() - interruptedAt).isLessThan(TimeUnit.SECONDS.toNanos(5));
    ProcessHandle.of(childPid).ifPresent(h -> h.onExit().join());
    assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  private long awaitChildPid() throws InterruptedException {
    Pattern pid = Pattern.compile("child (\\d+)\n");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Matcher m = pid.matcher(text(out));
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
      synchronized (out) {
        out.wait(50);
      }
    }
    throw new AssertionError("the script never printed its child's pid: " + text(out));
  }
}
