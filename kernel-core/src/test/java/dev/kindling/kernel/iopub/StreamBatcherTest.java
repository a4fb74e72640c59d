package dev.kindling.kernel.iopub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamBatcherTest {

  private final MessageFactory messages = new MessageFactory("kernel");
  private final StreamBatcher batcher = new StreamBatcher(messages);
  private final ObjectNode parent = messages.header("execute_request");

  @Test
  void consecutiveWritesBecomeOneStreamMessage() {
    for (int i = 0; i < 100; i++) {
      assertThat(batcher.accept(new IopubEvent.Stream(parent, "stdout", "line " + i + "\n"), 0))
          .isEmpty();
    }
    List<Message> out = batcher.accept(new IopubEvent.Flush(null), 0);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).content().get("text").asText())
        .startsWith("line 0\n")
        .endsWith("line 99\n");
  }

  @Test
  void streamsAreSentBeforeALaterMessage() {
    batcher.accept(new IopubEvent.Stream(parent, "stdout", "before"), 0);
    batcher.accept(new IopubEvent.Stream(parent, "stderr", "warning"), 0);
    Message display = messages.broadcast(parent, "display_data", Json.object(), List.of());
    List<Message> out = batcher.accept(new IopubEvent.Publish(display), 0);
    assertThat(out)
        .extracting(Message::msgType)
        .containsExactly("stream", "stream", "display_data");
    assertThat(out.get(0).content().get("name").asText()).isEqualTo("stdout");
    assertThat(out.get(1).content().get("name").asText()).isEqualTo("stderr");
  }

  @Test
  void batchesExpireAfterTheInterval() {
    long start = 1_000_000_000L;
    batcher.accept(new IopubEvent.Stream(parent, "stdout", "tick"), start);
    assertThat(batcher.deadline()).hasValue(start + StreamBatcher.INTERVAL.toNanos());
    assertThat(batcher.expire(start + StreamBatcher.INTERVAL.toNanos() - 1)).isEmpty();
    assertThat(batcher.expire(start + StreamBatcher.INTERVAL.toNanos())).hasSize(1);
    assertThat(batcher.deadline()).isEmpty();
  }

  @Test
  void largeBatchesAreSentAtOnce() {
    String chunk = "x".repeat(StreamBatcher.MAX_BATCH_CHARS);
    assertThat(batcher.accept(new IopubEvent.Stream(parent, "stdout", chunk), 0)).hasSize(1);
  }
}
