package dev.kindling.kernel.context;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.Stdin;
import dev.kindling.api.StdinNotAvailableException;
import dev.kindling.kernel.execution.Cell;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.kernel.transport.Replies;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the front end for input: {@code input_request} on the stdin channel to the client that ran
 * the cell, then waits for its {@code input_reply}. Only that client's reply is taken: with several
 * clients on one kernel, an {@code input_reply} from another client is ignored. Fails at once when
 * the cell's request had {@code allow_stdin=false}; an interrupt ends the wait.
 */
public final class StdinService implements Stdin {

  private static final Logger log = LoggerFactory.getLogger(StdinService.class);

  private final CellScope scope;
  private final Iopub iopub;
  private final MessageFactory messages;
  private final Replies stdin;
  private final AtomicReference<Waiting> pending = new AtomicReference<>();

  /** A cell waiting for input from the client with these routing identities. */
  private record Waiting(List<byte[]> identities, CompletableFuture<String> answer) {

    boolean askedOf(Message reply) {
      List<byte[]> from = reply.identities();
      if (from.size() != identities.size()) {
        return false;
      }
      for (int i = 0; i < from.size(); i++) {
        if (!Arrays.equals(from.get(i), identities.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  public StdinService(CellScope scope, Iopub iopub, MessageFactory messages, Replies stdin) {
    this.scope = scope;
    this.iopub = iopub;
    this.messages = messages;
    this.stdin = stdin;
  }

  @Override
  public synchronized String readLine(String prompt, boolean password) throws InterruptedException {
    Message request = scope.current().map(Cell::request).orElse(null);
    if (request == null
        || !request.msgType().equals("execute_request")
        || !request.content().path("allow_stdin").asBoolean(false)) {
      throw new StdinNotAvailableException(
          "input was requested, but the front end that ran this cell does not accept input"
              + " (allow_stdin is false); pass the value in the code instead");
    }
    CompletableFuture<String> answer = new CompletableFuture<>();
    Waiting waiting = new Waiting(request.identities(), answer);
    pending.set(waiting);
    iopub.flush();
    ObjectNode content = Json.object();
    content.put("prompt", prompt == null ? "" : prompt);
    content.put("password", password);
    stdin.send(Channel.STDIN, messages.reply(request, "input_request", content));
    try {
      return answer.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pending.compareAndSet(waiting, null);
    }
  }

  /** Called by the stdin socket's thread for each message the front end sends there. */
  public void onMessage(Message message) {
    if (!message.msgType().equals("input_reply")) {
      log.info("Ignored {} on stdin", message.msgType());
      return;
    }
    Waiting waiting = pending.get();
    if (waiting == null) {
      log.info("Ignored an input_reply that no cell is waiting for");
      return;
    }
    if (!waiting.askedOf(message)) {
      log.info("Ignored an input_reply from a client that was not asked for input");
      return;
    }
    if (pending.compareAndSet(waiting, null)) {
      waiting.answer().complete(message.content().path("value").asText(""));
    }
  }
}
