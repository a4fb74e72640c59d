package dev.kindling.kernel.testplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.CodeCompleteness;
import dev.kindling.api.CommMessage;
import dev.kindling.api.Completion;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.MimeBundle;
import dev.kindling.api.StdinNotAvailableException;
import dev.kindling.kernel.plugin.FakeComm;
import dev.kindling.kernel.plugin.FakeKernelContext;
import dev.kindling.kernel.plugin.FakeKernelContext.Cleared;
import dev.kindling.kernel.plugin.FakeKernelContext.InputRequest;
import dev.kindling.kernel.plugin.FakeKernelContext.Shown;
import dev.kindling.kernel.plugin.FakeKernelContext.ShownUpdatable;
import dev.kindling.kernel.plugin.FakeKernelContext.Updated;
import dev.kindling.kernel.plugin.StandardStreamsCapture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestInterpreterTest {

  private static final String NL = System.lineSeparator();

  private final FakeKernelContext context =
      new FakeKernelContext()
          .withMagics(List.of(new EchoLineMagic()), List.of(new UpperCellMagic()))
          .withRenderers(List.of(new TestPointRenderer()));
  private final TestInterpreter interpreter = new TestInterpreter(context);
  private StandardStreamsCapture streams;

  @BeforeEach
  void captureStreams() {
    streams = StandardStreamsCapture.start();
  }

  @AfterEach
  void restoreStreams() {
    streams.close();
    Thread.interrupted(); // never leak an interrupt into the next test
  }

  private ExecutionResult run(String code) throws Exception {
    return interpreter.execute(new ExecutionRequest(code, 1, false, true, true));
  }

  private static ExecutionResult testError(String message) {
    return ExecutionResult.error("TestError", message, List.of("TestError: " + message));
  }

  @Test
  void describesTheKindlingTestLanguage() {
    assertThat(interpreter.languageInfo())
        .isEqualTo(
            new dev.kindling.api.LanguageInfo(
                "kindling-test", "1.0", "text/x-kindling-test", ".ktest", "text", "text"));
    TestInterpreterFactory factory = new TestInterpreterFactory();
    assertThat(factory.name()).isEqualTo("test");
    assertThat(factory.aliases()).containsExactly("kindling-test");
    assertThat(factory.create(context)).isInstanceOf(TestInterpreter.class);
  }

  @Test
  void printsToStandardOutputAndError() throws Exception {
    ExecutionResult result = run("print hello world\nwrite no newline\neprint oops");

    assertThat(result).isEqualTo(ExecutionResult.empty());
    assertThat(streams.out()).isEqualTo("hello world" + NL + "no newline");
    assertThat(streams.err()).isEqualTo("oops" + NL);
  }

  @Test
  void joinsContinuationLinesAndSkipsBlankAndCommentLines() throws Exception {
    run("print foo\\\nbar\n\n# print hidden\n   print  indented\nprint");

    assertThat(streams.out()).isEqualTo("foobar" + NL + " indented" + NL + NL);
  }

  @Test
  void theLastValueIsTheResultAfterEveryLineRan() throws Exception {
    ExecutionResult result = run("value first\nprint between\nvalue second");

    assertThat(result).isEqualTo(ExecutionResult.value("second"));
    assertThat(streams.out()).isEqualTo("between" + NL);
  }

  @Test
  void aPointIsRenderedByTheTestRenderer() throws Exception {
    ExecutionResult result = run("point 3 -4");

    assertThat(result).isEqualTo(ExecutionResult.value(new TestPoint(3, -4)));
    Object point = ((ExecutionResult.Value) result).value();
    assertThat(context.display().render(point))
        .isEqualTo(MimeBundle.of("text/html", "<b>(3, -4)</b>").with("text/plain", "(3, -4)"));
    assertThat(new TestPointRenderer().render("(3, -4)")).isEmpty();
  }

  @Test
  void aCommandWithABadNumberFailsTheCell() throws Exception {
    assertThat(run("point 3")).isEqualTo(testError("point needs a number: 3"));
    assertThat(run("sleep soon")).isEqualTo(testError("sleep needs a number: soon"));
  }

  @Test
  void displaysBundlesWithAPlainTextCopy() throws Exception {
    run("display text/markdown *hi* there\nhtml <i>x</i>");

    assertThat(context.displayEvents())
        .containsExactly(
            new Shown(
                MimeBundle.of("text/markdown", "*hi* there").with("text/plain", "*hi* there")),
            new Shown(MimeBundle.of("text/html", "<i>x</i>").with("text/plain", "<i>x</i>")));
  }

  @Test
  void updateShowsADisplayOnceAndUpdatesItAfterwards() throws Exception {
    run("update progress 10%\nupdate other a");
    run("update progress 50%");

    assertThat(context.displayEvents())
        .containsExactly(
            new ShownUpdatable("display-1", MimeBundle.text("10%")),
            new ShownUpdatable("display-2", MimeBundle.text("a")),
            new Updated("display-1", MimeBundle.text("50%")));
  }

  @Test
  void clearsOutputNowOrOnTheNextOutput() throws Exception {
    run("clear\nclear-wait");

    assertThat(context.displayEvents()).containsExactly(new Cleared(false), new Cleared(true));
  }

  @Test
  void errorStopsTheCellWithATestError() throws Exception {
    ExecutionResult result = run("value ignored\nerror it broke\nprint never");

    assertThat(result).isEqualTo(testError("it broke"));
    assertThat(streams.out()).isEmpty();
  }

  @Test
  void throwRaisesAnIllegalStateException() {
    assertThatThrownBy(() -> run("throw kaboom"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("kaboom");
  }

  @Test
  void anUnknownCommandFailsTheCell() throws Exception {
    assertThat(run("print first\nfrobnicate now"))
        .isEqualTo(testError("unknown command: frobnicate"));
    assertThat(streams.out()).isEqualTo("first" + NL);
  }

  @Test
  void sleepAndBusyStopWhenTheThreadIsInterrupted() throws Exception {
    for (String code : List.of("sleep 600000", "busy 600000")) {
      CompletableFuture<ExecutionResult> cell = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  cell.complete(run(code));
                } catch (Throwable failure) {
                  cell.completeExceptionally(failure);
                }
              });
      thread.start();
      thread.interrupt(); // before or during the wait: either way the cell must stop

      assertThatThrownBy(() -> cell.get(30, TimeUnit.SECONDS))
          .as(code)
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(InterruptedException.class);
      thread.join();
    }
  }

  @Test
  void busyAndSpinFinishAfterTheirTime() throws Exception {
    long start = System.nanoTime();
    assertThat(run("busy 20\nspin 20")).isEqualTo(ExecutionResult.empty());
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(40));
  }

  @Test
  void spinIgnoresInterrupts() throws Exception {
    Thread.currentThread().interrupt();

    assertThat(run("spin 20")).isEqualTo(ExecutionResult.empty());
    assertThat(Thread.interrupted()).as("interrupt flag left set").isTrue();
  }

  @Test
  void interruptSetsAFlagThatTheNextCellClears() throws Exception {
    interpreter.interrupt();
    assertThat(interpreter.interruptRequested()).isTrue();

    run("print x");
    assertThat(interpreter.interruptRequested()).isFalse();
  }

  @Test
  void readsInputAndPasswordsFromStdin() throws Exception {
    context.answerInput("Ada", "s3cret");

    run("input Your name?\npassword Token:");

    assertThat(streams.out()).isEqualTo("got: Ada" + NL + "got 6 characters" + NL);
    assertThat(context.inputRequests())
        .containsExactly(new InputRequest("Your name?", false), new InputRequest("Token:", true));
  }

  @Test
  void inputFailsWhenStdinIsNotAvailable() {
    assertThatThrownBy(() -> run("input name?")).isInstanceOf(StdinNotAvailableException.class);
  }

  @Test
  void printsFromAnotherThread() throws Exception {
    run("thread from elsewhere");

    assertThat(streams.out()).isEqualTo("from elsewhere" + NL);
  }

  @Test
  void setAndGetShareDataThroughTheKernel() throws Exception {
    run("set answer forty two");

    assertThat(context.data()).containsEntry("answer", "forty two");
    assertThat(run("get answer")).isEqualTo(ExecutionResult.value("forty two"));
    assertThat(run("get missing")).isEqualTo(ExecutionResult.value("null"));
  }

  @Test
  void opensACommFromTheKernelSide() throws Exception {
    run("comm-open my.target");

    assertThat(context.openedComms()).hasSize(1);
    assertThat(context.openedComms().get(0).targetName()).isEqualTo("my.target");
    assertThat(context.openedComms().get(0).openData()).isEqualTo(Map.of("from", "kernel"));
  }

  @Test
  void sendsOnEchoesOnAndClosesTheCommItOpened() throws Exception {
    run("comm-open my.target\ncomm-send hello");
    FakeComm comm = context.openedComms().get(0);
    comm.receive(CommMessage.of(Map.of("n", 1)));
    run("comm-close");

    assertThat(comm.sent())
        .extracting(CommMessage::data)
        .containsExactly(Map.of("text", "hello"), Map.of("echo", Map.of("n", 1)));
    assertThat(comm.isClosed()).isTrue();
  }

  @Test
  void listsTheLoadedMagics() throws Exception {
    run("lsmagic");

    assertThat(streams.out()).isEqualTo("echo" + NL + "%%upper" + NL);
  }

  @Test
  void completesCommandWordsOnly() {
    assertThat(interpreter.complete("pr", 2)).isEqualTo(new Completion(List.of("print"), 0, 2));
    assertThat(interpreter.complete("p", 1))
        .isEqualTo(new Completion(List.of("page", "password", "point", "print"), 0, 1));
    assertThat(interpreter.complete("value a\n  cl", 12))
        .isEqualTo(new Completion(List.of("clear", "clear-wait"), 10, 12));
    assertThat(interpreter.complete("print", 2)).isEqualTo(new Completion(List.of("print"), 0, 5));
    assertThat(interpreter.complete("", 0).matches()).hasSize(TestCommand.values().length);
    assertThat(interpreter.complete("print x", 7)).isEqualTo(Completion.none(7));
  }

  @Test
  void inspectsTheCommandAtOrBeforeTheCursor() {
    MimeBundle printHelp =
        MimeBundle.text("print TEXT: Print TEXT and a newline to standard output");

    assertThat(interpreter.inspect("print hello", 2, 0)).contains(printHelp);
    assertThat(interpreter.inspect("print hello", 5, 0)).contains(printHelp);
    assertThat(interpreter.inspect("value x\nclear  ", 15, 0))
        .contains(MimeBundle.text("clear: Clear the cell's output now"));
    assertThat(interpreter.inspect("print hello", 8, 0)).isEmpty();
    assertThat(interpreter.inspect("", 0, 0)).isEmpty();
  }

  @Test
  void knowsWhetherCodeIsComplete() {
    assertThat(interpreter.isComplete("  \n")).isEqualTo(CodeCompleteness.complete());
    assertThat(interpreter.isComplete("print a\nvalue b")).isEqualTo(CodeCompleteness.complete());
    assertThat(interpreter.isComplete("print a\\")).isEqualTo(CodeCompleteness.incomplete(""));
    assertThat(interpreter.isComplete("print a\\\n\n")).isEqualTo(CodeCompleteness.incomplete(""));
    assertThat(interpreter.isComplete("print a\nfrobnicate")).isEqualTo(CodeCompleteness.invalid());
  }
}
