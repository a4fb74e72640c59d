package dev.kindling.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChildKernelInterpreterTest {

  @Test
  void aFailedStartFailsTheCellWithItsReasonAndTheNextCellStartsAgain() throws Exception {
    FakeChild child = new FakeChild();
    Scripted interpreter = new Scripted(new IllegalStateException("no python"), child);

    ExecutionResult first = interpreter.execute(request("1 + 1"));
    ExecutionResult second = interpreter.execute(request("1 + 1"));

    assertThat(first)
        .isEqualTo(
            ExecutionResult.error(
                "TestStartError", "no python", List.of("TestStartError: no python")));
    assertThat(second).isEqualTo(ExecutionResult.value("ran 1 + 1"));
    assertThat(interpreter.starts).isEqualTo(2);
  }

  @Test
  void beforeCellRunsFirstAndCanEndTheCellWithoutRunningIt() throws Exception {
    FakeChild child = new FakeChild();
    Scripted interpreter = new Scripted(child);
    interpreter.endNextCell = Optional.of(ExecutionResult.error("Interrupted", "", List.of()));

    ExecutionResult ended = interpreter.execute(request("never"));
    ExecutionResult ran = interpreter.execute(request("x"));

    assertThat(ended).isInstanceOf(ExecutionResult.Error.class);
    assertThat(ran).isEqualTo(ExecutionResult.value("ran x"));
    assertThat(child.executed).containsExactly("x");
  }

  @Test
  void introspectionAnswersNothingAtOnceWhileTheChildStarts() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeChild child = new FakeChild();
    Scripted interpreter = new Scripted(release, child);

    assertThat(interpreter.complete("pri", 3)).isEqualTo(Completion.none(3));
    assertThat(interpreter.isComplete("x")).isEqualTo(CodeCompleteness.unknown());
    interpreter.interrupt(); // nothing to interrupt yet: no effect
    release.countDown();
    interpreter.execute(request("x")); // waits for the start
    assertThat(interpreter.complete("pri", 3).matches()).containsExactly("print");
  }

  @Test
  void closeClosesTheChild() throws Exception {
    FakeChild child = new FakeChild();
    Scripted interpreter = new Scripted(child);
    interpreter.execute(request("x"));

    interpreter.close();

    assertThat(child.closed).isTrue();
  }

  private static ExecutionRequest request(String code) {
    return new ExecutionRequest(code, 1, false, true, true);
  }

  /** Starts as scripted: each start throws or returns the next entry. */
  private static final class Scripted extends ChildKernelInterpreter {
    private final Deque<Object> script;
    private final CountDownLatch gate;
    volatile int starts;
    Optional<ExecutionResult> endNextCell = Optional.empty();

    Scripted(Object... script) {
      this(new CountDownLatch(0), script);
    }

    /** A start that waits for {@code gate} before it runs the script. */
    Scripted(CountDownLatch gate, Object... script) {
      super("Test");
      this.gate = gate;
      this.script = new ArrayDeque<>(List.of(script));
      startInBackground();
    }

    @Override
    protected ChildKernel startChild() throws Exception {
      gate.await();
      starts++;
      Object next = script.poll();
      if (next instanceof Exception e) {
        throw e;
      }
      return (ChildKernel) next;
    }

    @Override
    protected String startErrorName(Throwable cause) {
      return "TestStartError";
    }

    @Override
    protected Optional<ExecutionResult> beforeCell(ChildKernel kernel, ExecutionRequest request) {
      Optional<ExecutionResult> ending = endNextCell;
      endNextCell = Optional.empty();
      return ending;
    }

    @Override
    public LanguageInfo languageInfo() {
      return new LanguageInfo("test", "1", "text/plain", ".txt", "text", "text");
    }
  }

  private static final class FakeChild implements ChildKernel {
    final List<String> executed = new ArrayList<>();
    volatile boolean closed;

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public boolean isAlive() {
      return !closed;
    }

    @Override
    public LanguageInfo languageInfo() {
      return new LanguageInfo("test", "1", "text/plain", ".txt", "text", "text");
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
      executed.add(request.code());
      return ExecutionResult.value("ran " + request.code());
    }

    @Override
    public Completion complete(String code, int cursor) {
      return new Completion(List.of("print"), 0, cursor);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
