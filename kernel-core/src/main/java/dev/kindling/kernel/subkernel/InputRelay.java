package dev.kindling.kernel.subkernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.Stdin;
import dev.kindling.api.StdinNotAvailableException;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a child's {@code input_request}s: asks the front end through the kernel's stdin service
 * (on a thread of its own: the connection's I/O thread that hands it the request must not wait) and
 * sends the {@code input_reply} back to the child. A wait still open when the child's cell ends is
 * cancelled.
 */
final class InputRelay {

  private static final Logger log = LoggerFactory.getLogger(InputRelay.class);

  private final String childName;
  private final BiConsumer<Message, ObjectNode> answer;
  private final Stdin stdin;
  private final ExecutorService asker;
  private final AtomicReference<Future<?>> waiting = new AtomicReference<>();

  /**
   * @param answer sends the child an {@code input_reply} with this content to this {@code
   *     input_request}
   */
  InputRelay(String childName, BiConsumer<Message, ObjectNode> answer, Stdin stdin) {
    this.childName = childName;
    this.answer = answer;
    this.stdin = stdin;
    this.asker =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "kindling-child-input-" + childName);
              thread.setDaemon(true);
              return thread;
            });
  }

  void onMessage(Message message) {
    if (!message.msgType().equals("input_request")) {
      log.debug("[{}] ignored {} on stdin", childName, message.msgType());
      return;
    }
    String prompt = message.content().path("prompt").asText("");
    boolean password = message.content().path("password").asBoolean(false);
    waiting.set(asker.submit(() -> answer(message, prompt, password)));
  }

  private void answer(Message request, String prompt, boolean password) {
    String value;
    try {
      value = stdin.readLine(prompt, password);
    } catch (InterruptedException e) {
      return; // the cell ended or was interrupted; the child has stopped waiting
    } catch (StdinNotAvailableException e) {
      log.info("[{}] input requested but the front end does not take input", childName);
      value = "";
    }
    ObjectNode content = Json.object();
    content.put("value", value);
    answer.accept(request, content);
  }

  /** Stops waiting for the front end's answer, if a wait is open. */
  void cancel() {
    Future<?> open = waiting.getAndSet(null);
    if (open != null) {
      open.cancel(true);
    }
  }

  void close() {
    cancel();
    asker.shutdownNow();
  }
}
