package dev.kindling.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kindling.protocol.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every request type of the client against a real Kindling kernel with the test language. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KindlingClientIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static KernelProcess kernel;
  private static KindlingClient client;

  @BeforeAll
  static void startKernel() throws Exception {
    kernel = TestKernels.start("client-it");
    client = kernel.connect();
  }

  @AfterAll
  static void stopKernel() {
    if (client != null) {
      client.close();
    }
    if (kernel != null) {
      kernel.close();
    }
  }

  @Test
  void kernelInfoOnShellAndControl() throws Exception {
    KernelInfo shell = get(client.kernelInfo());
    KernelInfo control = get(client.kernelInfo(Channel.CONTROL));

    assertThat(shell.implementation()).isEqualTo("kindling");
    assertThat(shell.protocolVersion()).startsWith("5.");
    assertThat(shell.languageName()).isEqualTo("kindling-test");
    assertThat(control).isEqualTo(shell);
  }

  @Test
  void executeDeliversEveryOutputTypeToItsCallbackInOrder() throws Exception {
    // Each callback sees its own events in order; callbacks registered one after another while
    // outputs arrive may catch up at different moments, so the order across callbacks is checked
    // with one onOutput callback (below), not across these.
    List<String> streams = new CopyOnWriteArrayList<>();
    List<String> displays = new CopyOnWriteArrayList<>();
    List<String> updates = new CopyOnWriteArrayList<>();
    List<String> clears = new CopyOnWriteArrayList<>();
    List<String> results = new CopyOnWriteArrayList<>();
    List<String> completions = new CopyOnWriteArrayList<>();
    String code =
        String.join(
            "\n",
            "print hello",
            "eprint oops",
            "html <b>bold</b>",
            "update progress 1%",
            "update progress 100%",
            "clear-wait",
            "print after clear",
            "value 42");
    Execution execution =
        client
            .execute(code)
            .onStream(s -> streams.add(s.name() + " " + s.text().strip()))
            .onDisplayData(d -> displays.add(d.data().keySet().toString()))
            .onUpdateDisplayData(u -> updates.add(String.valueOf(u.data().get("text/plain"))))
            .onClearOutput(c -> clears.add("wait=" + c.waitForNext()))
            .onResult(r -> results.add(r.text().orElse("")))
            .onComplete(o -> completions.add(o.status()));

    ExecuteOutcome outcome = execution.await(WAIT);

    assertThat(outcome.status()).isEqualTo("ok");
    assertThat(outcome.reply().executionCount()).isPositive();
    assertThat(outcome.result().flatMap(Output.ExecuteResult::text)).contains("42");
    assertThat(streams).containsExactly("stdout hello", "stderr oops", "stdout after clear");
    assertThat(displays).containsExactly("[text/html, text/plain]", "[text/plain]");
    assertThat(updates).containsExactly("100%");
    assertThat(clears).containsExactly("wait=true");
    assertThat(results).containsExactly("42");
    assertThat(completions).containsExactly("ok");
    // Registered after completion: the same events, replayed once.
    List<String> replayed = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    execution
        .onOutput(o -> replayed.add(o.getClass().getSimpleName()))
        .onComplete(o -> done.countDown());
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(replayed)
        .containsExactly(
            "Stream",
            "Stream",
            "DisplayData",
            "DisplayData",
            "UpdateDisplayData",
            "ClearOutput",
            "Stream",
            "ExecuteResult");
  }

  @Test
  void aFailingCellGivesOneErrorOutputAndAnErrorReply() throws Exception {
    List<Output.Error> errors = new CopyOnWriteArrayList<>();
    ExecuteOutcome outcome = client.execute("error broken").onError(errors::add).await(WAIT);

    assertThat(outcome.status()).isEqualTo("error");
    assertThat(outcome.reply().error()).map(Output.Error::ename).contains("TestError");
    assertThat(errors).singleElement().extracting(Output.Error::evalue).isEqualTo("broken");
  }

  @Test
  void executeOptionsReachTheKernel() throws Exception {
    ExecuteOutcome silent =
        client.execute("value quiet", ExecuteOptions.defaults().withSilent(true)).await(WAIT);
    ExecuteOutcome expressions =
        client
            .execute(
                "set colour blue",
                ExecuteOptions.defaults().withUserExpressions(Map.of("c", "get colour")))
            .await(WAIT);

    assertThat(silent.result()).isEmpty();
    assertThat(expressions.reply().userExpressions()).containsKey("c");
  }

  @Test
  void completeInspectIsCompleteHistoryAndCommInfo() throws Exception {
    client.execute("print for history").await(WAIT);

    CompleteReply completions = get(client.complete("pri", 3));
    InspectReply inspection = get(client.inspect("print x", 2, 0));
    IsCompleteReply complete = get(client.isComplete("print x"));
    IsCompleteReply incomplete = get(client.isComplete("print x\\"));
    HistoryReply history = get(client.history(50, false));
    CommInfo comms = get(client.commInfo());

    assertThat(completions.matches()).containsExactly("print");
    assertThat(completions.cursorStart()).isZero();
    assertThat(completions.cursorEnd()).isEqualTo(3);
    assertThat(inspection.found()).isTrue();
    assertThat(String.valueOf(inspection.data().get("text/plain"))).startsWith("print TEXT");
    assertThat(complete.status()).isEqualTo("complete");
    assertThat(incomplete.status()).isEqualTo("incomplete");
    assertThat(history.entries())
        .extracting(HistoryReply.Entry::input)
        .contains("print for history");
    assertThat(comms.comms()).isNotNull();
  }

  @Test
  void historyByRangeAndBySearch() throws Exception {
    ExecuteOutcome first = client.execute("print range one").await(WAIT);
    client.execute("print range two").await(WAIT);
    client.execute("print range one").await(WAIT);
    int line = first.reply().executionCount();

    HistoryReply range = get(client.historyRange(0, line, line + 2, true));
    HistoryReply search = get(client.historySearch("print range*", 0, true, false));

    assertThat(range.entries())
        .extracting(HistoryReply.Entry::line, HistoryReply.Entry::input)
        .containsExactly(tuple(line, "print range one"), tuple(line + 1, "print range two"));
    assertThat(search.entries())
        .extracting(HistoryReply.Entry::input)
        .containsExactly("print range two", "print range one");
  }

  @Test
  void inputRequestsAreAnsweredByTheHandler() throws Exception {
    List<String> prompts = new CopyOnWriteArrayList<>();
    client.onInputRequest(
        (prompt, password) -> {
          prompts.add(prompt + (password ? " (password)" : ""));
          return password ? "secret" : "Ada";
        });
    try {
      ExecuteOutcome outcome = client.execute("input Name?\npassword Key?").await(WAIT);

      assertThat(outcome.stdout()).isEqualTo("got: Ada\ngot 6 characters\n");
      assertThat(prompts).containsExactly("Name?", "Key? (password)");
    } finally {
      client.onInputRequest(null);
    }
  }

  @Test
  void commsOpenedByTheClientSendReceiveAndClose() throws Exception {
    List<CommMessage> received = new CopyOnWriteArrayList<>();
    CountDownLatch two = new CountDownLatch(2);
    Comm comm =
        client
            .openComm("echo", Map.of("hello", "kernel"))
            .onMessage(
                m -> {
                  received.add(m);
                  two.countDown();
                });
    comm.send(Map.of("n", 1));

    assertThat(two.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(received)
        .extracting(CommMessage::data)
        .containsExactly(
            Map.of("opened", Map.of("hello", "kernel")), Map.of("echo", Map.of("n", 1)));
    assertThat(get(client.commInfo("echo")).comms()).containsEntry(comm.id(), "echo");

    comm.close();
    assertThat(comm.isClosed()).isTrue();
    assertThat(get(client.commInfo("echo")).comms()).doesNotContainKey(comm.id());
    assertThatThrownBy(() -> comm.send(Map.of())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void commsOpenedByTheKernelReachARegisteredTargetBothWays() throws Exception {
    CompletableFuture<Comm> opened = new CompletableFuture<>();
    List<Object> events = new CopyOnWriteArrayList<>();
    CountDownLatch echoed = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    client.registerCommTarget(
        "client.target",
        (comm, data) -> {
          events.add("open " + data);
          comm.onMessage(
              m -> {
                events.add("msg " + m.data());
                if (m.data().containsKey("echo")) {
                  echoed.countDown();
                }
              });
          comm.onClose(
              d -> {
                events.add("close " + d);
                closed.countDown();
              });
          opened.complete(comm);
        });

    client.execute("comm-open client.target\ncomm-send from kernel").await(WAIT);
    Comm comm = opened.get(30, TimeUnit.SECONDS);
    comm.send(Map.of("from", "client"));
    assertThat(echoed.await(30, TimeUnit.SECONDS)).isTrue();
    client.execute("comm-close").await(WAIT);

    assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(events)
        .containsExactly(
            "open {from=kernel}",
            "msg {text=from kernel}",
            "msg {echo={from=client}}",
            "close {from=kernel}");
    assertThat(comm.isClosed()).isTrue();
    client.unregisterCommTarget("client.target");
  }

  @Test
  void thousandsOfRpcCallsKeepTheirPairingAndOrder() throws Exception {
    Comm comm = client.openComm("rpc-echo");
    int calls = 3000;
    List<CompletableFuture<Map<String, Object>>> replies = new ArrayList<>();
    List<Integer> completionOrder = new CopyOnWriteArrayList<>();
    for (int i = 0; i < calls; i++) {
      int x = i;
      replies.add(
          comm.call(Map.of("x", x, "label", "value-" + x))
              .whenComplete((reply, failure) -> completionOrder.add(x)));
    }

    CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    for (int i = 0; i < calls; i++) {
      Map<String, Object> reply = replies.get(i).get();
      assertThat(((Number) reply.get("square")).longValue()).isEqualTo((long) i * i);
      assertThat(reply.get("echo")).isEqualTo(Map.of("x", i, "label", "value-" + i));
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      expected.add(i);
    }
    assertThat(completionOrder).isEqualTo(expected);
    comm.close();
  }

  @Test
  void interruptStopsTheRunningCell() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Execution running =
        client.execute("print started\nsleep 600000").onStream(s -> started.countDown());
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    InterruptReply reply = get(client.interrupt());
    ExecuteOutcome outcome = running.await(WAIT);

    assertThat(reply.status()).isEqualTo("ok");
    assertThat(outcome.status()).isEqualTo("error");
    assertThat(outcome.error()).isPresent();
    assertThat(client.execute("value still alive").await(WAIT).result()).isPresent();
  }

  @Test
  void anInterruptFromAnotherClientStopsTheRunningCell() throws Exception {
    try (KindlingClient other = kernel.connect()) {
      CountDownLatch started = new CountDownLatch(1);
      Execution running =
          client.execute("print started\nsleep 600000").onStream(s -> started.countDown());
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

      assertThat(get(other.interrupt()).status()).isEqualTo("ok");

      assertThat(running.await(WAIT).status()).isEqualTo("error");
      assertThat(other.strayMessages()).isZero();
      assertThat(client.strayMessages()).isZero();
    }
  }

  @Test
  void closingTheClientEndsItsThreadsAndFailsWhatIsPending() throws Exception {
    KindlingClient other = kernel.connect();
    String session = other.session().substring(0, 8);
    Execution pending = other.execute("sleep 300");
    other.close();

    assertThat(pending.outcome()).isCompletedExceptionally();
    assertThatThrownBy(() -> other.execute("print x")).isInstanceOf(ClientClosedException.class);
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.isAlive() && t.getName().contains(session))
        .isEmpty();
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("kindling-"))
        .isEmpty();
  }

  private static <T> T get(CompletableFuture<T> future) throws Exception {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e;
    }
  }
}
