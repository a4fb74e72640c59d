package dev.kindling.kernel.iopub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Orders and batches IOPub traffic: consecutive stream text for the same cell and stream name
 * becomes one {@code stream} message, sent when the batch interval has passed, when a batch grows
 * large, and always before any other message. Not thread-safe: owned by the publisher thread.
 */
final class StreamBatcher {

  /** How long stream text may wait to be batched with more. */
  static final Duration INTERVAL = Duration.ofMillis(100);

  /** Send a batch at once when it holds this many characters. */
  static final int MAX_BATCH_CHARS = 64 * 1024;

  private record Key(String parentMsgId, String name) {}

  private static final class Batch {
    final ObjectNode parentHeader;
    final StringBuilder text = new StringBuilder();

    Batch(ObjectNode parentHeader) {
      this.parentHeader = parentHeader;
    }
  }

  private final MessageFactory messages;
  private final Map<Key, Batch> pending = new LinkedHashMap<>();
  private long deadline;

  StreamBatcher(MessageFactory messages) {
    this.messages = messages;
  }

  /** Takes one event; returns the messages to send now, in order. */
  List<Message> accept(IopubEvent event, long nowNanos) {
    List<Message> out = new ArrayList<>();
    if (event instanceof IopubEvent.Stream s) {
      if (pending.isEmpty()) {
        deadline = nowNanos + INTERVAL.toNanos();
      }
      Key key = new Key(s.parentHeader().path("msg_id").asText(""), s.name());
      Batch batch = pending.computeIfAbsent(key, k -> new Batch(s.parentHeader()));
      batch.text.append(s.text());
      if (batch.text.length() >= MAX_BATCH_CHARS) {
        drainTo(out);
      }
    } else {
      drainTo(out);
      if (event instanceof IopubEvent.Publish p) {
        out.add(p.message());
      }
    }
    return out;
  }

  /** The batches whose interval has passed by {@code nowNanos}. */
  List<Message> expire(long nowNanos) {
    List<Message> out = new ArrayList<>();
    if (!pending.isEmpty() && nowNanos - deadline >= 0) {
      drainTo(out);
    }
    return out;
  }

  /** When the pending batches are due, if there are any. */
  OptionalLong deadline() {
    return pending.isEmpty() ? OptionalLong.empty() : OptionalLong.of(deadline);
  }

  private void drainTo(List<Message> out) {
    for (Map.Entry<Key, Batch> entry : pending.entrySet()) {
      ObjectNode content = Json.object();
      content.put("name", entry.getKey().name());
      content.put("text", entry.getValue().text.toString());
      out.add(messages.broadcast(entry.getValue().parentHeader, "stream", content, List.of()));
    }
    pending.clear();
  }
}
