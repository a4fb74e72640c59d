package dev.kindling.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionTest {

  private final CallbackThread callbacks = new CallbackThread("test-callbacks");

  @AfterEach
  void stop() {
    callbacks.stop(1000);
  }

  @Test
  void lateCallbacksGetWhatArrivedThenTheRestInOrderExactlyOnce() throws Exception {
    Execution execution = new Execution("m1", "code", callbacks);
    List<String> early = new CopyOnWriteArrayList<>();
    List<String> late = new CopyOnWriteArrayList<>();
    execution.onStream(stream -> early.add(stream.text()));
    callbacks.execute(() -> execution.output(new Output.Stream("stdout", "a")));
    callbacks.execute(() -> execution.output(new Output.Stream("stdout", "b")));
    // Registered while outputs are still arriving.
    execution.onStream(stream -> late.add(stream.text()));
    callbacks.execute(() -> execution.output(new Output.Stream("stdout", "c")));
    callbacks.execute(() -> execution.replied(reply("ok")));
    callbacks.execute(execution::idle);

    ExecuteOutcome outcome = execution.await(Duration.ofSeconds(5));
    CountDownLatch done = new CountDownLatch(1);
    List<String> afterCompletion = new CopyOnWriteArrayList<>();
    execution
        .onStream(stream -> afterCompletion.add(stream.text()))
        .onComplete(o -> done.countDown());

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(outcome.stdout()).isEqualTo("abc");
    assertThat(early).containsExactly("a", "b", "c");
    assertThat(late).containsExactly("a", "b", "c");
    assertThat(afterCompletion).containsExactly("a", "b", "c");
  }

  @Test
  void completesOnlyOnceBothReplyAndIdleArrivedInEitherOrder() throws Exception {
    Execution execution = new Execution("m2", "code", callbacks);
    List<String> events = new CopyOnWriteArrayList<>();
    execution.onReply(reply -> events.add("reply")).onComplete(outcome -> events.add("complete"));
    callbacks.execute(execution::idle);
    callbacks.execute(() -> events.add("after idle: done=" + execution.isDone()));
    callbacks.execute(() -> execution.replied(reply("error")));
    callbacks.execute(() -> execution.replied(reply("ok"))); // a duplicate is ignored

    ExecuteOutcome outcome = execution.await(Duration.ofSeconds(5));
    CountDownLatch flushed = new CountDownLatch(1);
    callbacks.execute(flushed::countDown);
    flushed.await(5, TimeUnit.SECONDS);

    assertThat(outcome.status()).isEqualTo("error");
    assertThat(events).containsExactly("after idle: done=false", "reply", "complete");
  }

  @Test
  void aCallbackThatThrowsDoesNotStopTheOthers() throws Exception {
    Execution execution = new Execution("m3", "code", callbacks);
    List<String> seen = new CopyOnWriteArrayList<>();
    execution.onStream(
        stream -> {
          throw new IllegalStateException("callback bug");
        });
    execution.onStream(stream -> seen.add(stream.text()));
    callbacks.execute(() -> execution.output(new Output.Stream("stdout", "x")));
    callbacks.execute(() -> execution.replied(reply("ok")));
    callbacks.execute(execution::idle);

    execution.await(Duration.ofSeconds(5));

    assertThat(seen).containsExactly("x");
  }

  private static ExecuteReply reply(String status) {
    return new ExecuteReply(status, 1, Optional.empty(), Map.of());
  }
}
