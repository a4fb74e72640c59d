package dev.kindling.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommTest {

  private record Sent(String msgType, Map<String, Object> content) {}

  private final CallbackThread callbacks = new CallbackThread("comm-test-callbacks");
  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final Comm comm =
      new Comm(
          "c1", "target", (type, content, buffers) -> sent.add(new Sent(type, content)), callbacks);

  @AfterEach
  void stop() {
    callbacks.stop(1000);
  }

  @Test
  void callsArePairedByRpcIdWhateverOrderTheRepliesComeIn() throws Exception {
    CompletableFuture<Map<String, Object>> first = comm.call(Map.of("x", 1));
    CompletableFuture<Map<String, Object>> second = comm.call(Map.of("x", 2));
    String firstId = rpcId(sent.get(0));
    String secondId = rpcId(sent.get(1));

    callbacks.execute(() -> comm.received(reply(Map.of(Comm.RPC_ID, secondId, "square", 4))));
    callbacks.execute(() -> comm.received(reply(Map.of(Comm.RPC_ID, firstId, "square", 1))));

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(Map.of("square", 1));
    assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(Map.of("square", 4));
    assertThat(firstId).isNotEqualTo(secondId);
    assertThat(sent).extracting(Sent::msgType).containsExactly("comm_msg", "comm_msg");
  }

  @Test
  void messagesWithoutAPendingRpcIdReachTheHandlersAlsoWhenRegisteredLate() throws Exception {
    callbacks.execute(() -> comm.received(reply(Map.of("n", 1))));
    callbacks.execute(() -> comm.received(reply(Map.of(Comm.RPC_ID, "unknown", "n", 2))));
    List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
    CountDownLatch two = new CountDownLatch(2);
    comm.onMessage(
        message -> {
          seen.add(message.data());
          two.countDown();
        });

    assertThat(two.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).containsExactly(Map.of("n", 1), Map.of(Comm.RPC_ID, "unknown", "n", 2));
  }

  @Test
  void closingFailsPendingCallsAndRefusesNewMessages() {
    CompletableFuture<Map<String, Object>> pending = comm.call(Map.of("x", 1));

    comm.close(Map.of("bye", true));

    assertThat(sent.get(1).msgType()).isEqualTo("comm_close");
    assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ClientClosedException.class);
    assertThatThrownBy(() -> comm.send(Map.of())).isInstanceOf(IllegalStateException.class);
  }

  @SuppressWarnings("unchecked")
  private static String rpcId(Sent message) {
    return String.valueOf(((Map<String, Object>) message.content().get("data")).get(Comm.RPC_ID));
  }

  private static CommMessage reply(Map<String, Object> data) {
    return new CommMessage(data, Map.of(), List.of());
  }
}
