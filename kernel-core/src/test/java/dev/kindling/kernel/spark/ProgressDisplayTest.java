package dev.kindling.kernel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kindling.kernel.iopub.RecordingIopub;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

  private final MessageFactory messages = new MessageFactory("kernel");
  private final RecordingIopub iopub = new RecordingIopub(messages);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Message parent =
      new MessageFactory("client")
          .request("execute_request", JsonNodeFactory.instance.objectNode().put("code", "x"));

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  private List<String> shown() {
    return iopub.sent().stream()
        .map(m -> m.content().path("data").path("text/plain").asText())
        .toList();
  }

  @Test
  void theInterruptedCellsFinalStateStaysTheLastOneShown() throws InterruptedException {
    CellProgress progress = new CellProgress();
    ProgressDisplay display = new ProgressDisplay(parent, progress, iopub, messages, timer);
    progress.jobStarted(0, Map.of(0, 2));
    progress.stageSubmitted(0, 2);
    display.changed();
    progress.cancelRequested();

    display.finish();
    progress.taskSucceeded(0); // Spark's events for the cancelled job arrive after the cell ended
    display.changed();
    // Let any update the timer holds run: shutdown() still runs delayed tasks, and termination
    // is the condition waited for.
    timer.shutdown();
    assertThat(timer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    List<String> shown = shown();
    assertThat(shown).hasSize(2);
    assertThat(shown.get(1)).endsWith("- cancelled");
  }
}
