package dev.kindling.kernel.iopub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory IOPub for in-process tests: the same ordering and stream batching as the real
 * publisher, with "sent" messages recorded instead of going to a socket. Batches are only sent on
 * flush or by a following message (no timer), which keeps tests deterministic.
 */
public final class RecordingIopub implements Iopub {

  private final StreamBatcher batcher;
  private final List<Message> sent = new ArrayList<>();

  public RecordingIopub(MessageFactory messages) {
    this.batcher = new StreamBatcher(messages);
  }

  @Override
  public synchronized void publish(Message message) {
    sent.addAll(batcher.accept(new IopubEvent.Publish(message), System.nanoTime()));
    notifyAll();
  }

  @Override
  public synchronized void stream(ObjectNode parentHeader, String name, String text) {
    sent.addAll(batcher.accept(new IopubEvent.Stream(parentHeader, name, text), System.nanoTime()));
  }

  @Override
  public synchronized void flush() {
    sent.addAll(batcher.accept(new IopubEvent.Flush(null), System.nanoTime()));
    notifyAll();
  }

  /** Every message sent so far. */
  public synchronized List<Message> sent() {
    return List.copyOf(sent);
  }

  /**
   * Waits until the request with this msg_id has gone idle and returns every message parented to
   * it, in order.
   */
  public synchronized List<Message> awaitIdle(String parentMsgId, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      List<Message> forParent =
          sent.stream()
              .filter(m -> m.parentHeader().path("msg_id").asText().equals(parentMsgId))
              .toList();
      boolean idle =
          forParent.stream()
              .anyMatch(
                  m ->
                      m.msgType().equals("status")
                          && m.content().path("execution_state").asText().equals("idle"));
      if (idle) {
        return forParent;
      }
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("no idle for " + parentMsgId + "; sent so far: " + sent);
      }
      wait(left);
    }
  }
}
