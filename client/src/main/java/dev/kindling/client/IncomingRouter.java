package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Message;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sorts what a client receives, on its callback thread: replies to the request they answer (by the
 * parent header's {@code msg_id}), IOPub output and status to their execution, comm traffic to its
 * comm or to a registered target, and {@code input_request}s to the input handler. Messages for
 * requests of other clients (IOPub reaches every client) are ignored.
 */
final class IncomingRouter {

  private static final Logger LOG = LoggerFactory.getLogger(IncomingRouter.class);

  /** A request waiting for its reply. */
  private record Pending<T>(
      String requestType, Function<ObjectNode, T> parse, CompletableFuture<T> reply) {

    void complete(ObjectNode content) {
      if ("error".equals(content.path("status").asText())) {
        reply.completeExceptionally(
            new KernelErrorException(
                requestType,
                content.path("ename").asText(""),
                content.path("evalue").asText(""),
                JsonValues.strings(content, "traceback")));
        return;
      }
      try {
        reply.complete(parse.apply(content));
      } catch (RuntimeException e) {
        reply.completeExceptionally(e);
      }
    }
  }

  private final CallbackThread callbacks;
  private final Comm.Sender commSender;
  private final Consumer<Message> inputRequests;
  private final Map<String, Pending<?>> pending = new ConcurrentHashMap<>();
  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  private final Map<String, Comm> comms = new ConcurrentHashMap<>();
  private final Map<String, CommTarget> targets = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> iopubReady = new CompletableFuture<>();
  private final java.util.concurrent.atomic.AtomicLong strays =
      new java.util.concurrent.atomic.AtomicLong();

  IncomingRouter(
      CallbackThread callbacks, Comm.Sender commSender, Consumer<Message> inputRequests) {
    this.callbacks = callbacks;
    this.commSender = commSender;
    this.inputRequests = inputRequests;
  }

  /** Completed when the first IOPub message arrives: the subscription is in place. */
  CompletableFuture<Void> iopubReady() {
    return iopubReady;
  }

  <T> CompletableFuture<T> expectReply(
      String msgId, String requestType, Function<ObjectNode, T> parse) {
    CompletableFuture<T> reply = new CompletableFuture<>();
    pending.put(msgId, new Pending<>(requestType, parse, reply));
    return reply;
  }

  /** Forgets a request whose message could not be sent. */
  void forget(String msgId) {
    pending.remove(msgId);
    executions.remove(msgId);
  }

  void track(Execution execution) {
    executions.put(execution.msgId(), execution);
  }

  Comm newComm(String commId, String targetName) {
    Comm comm = new Comm(commId, targetName, commSender, callbacks);
    comms.put(commId, comm);
    return comm;
  }

  void forgetComm(String commId) {
    comms.remove(commId);
  }

  void registerTarget(String targetName, CommTarget target) {
    targets.put(targetName, target);
  }

  void unregisterTarget(String targetName) {
    targets.remove(targetName);
  }

  /** Called on the callback thread for each message, in arrival order. */
  void route(Channel channel, Message message) {
    String parentId = message.parentHeader().path("msg_id").asText("");
    switch (channel) {
      case SHELL, CONTROL -> reply(parentId, message);
      case STDIN -> {
        if (!executions.containsKey(parentId)) {
          strays.incrementAndGet();
          LOG.warn(
              "input request for {}, which is not a running execution of this client", parentId);
        }
        inputRequests.accept(message);
      }
      case IOPUB -> iopub(parentId, message);
      default -> LOG.debug("ignored {} on {}", message, channel.wireName());
    }
  }

  private void reply(String parentId, Message message) {
    Execution execution = executions.get(parentId);
    if (execution != null && message.msgType().equals("execute_reply")) {
      if (!execution.replied(ExecuteReply.from(message.content()))) {
        strays.incrementAndGet();
      }
      if (execution.isDone()) {
        executions.remove(parentId);
      }
      return;
    }
    Pending<?> waiting = pending.remove(parentId);
    if (waiting == null) {
      strays.incrementAndGet();
      LOG.debug("ignored {}: no request {} is waiting for it", message, parentId);
      return;
    }
    waiting.complete(message.content());
  }

  private void iopub(String parentId, Message message) {
    if (!iopubReady.isDone()) {
      iopubReady.complete(null);
    }
    switch (message.msgType()) {
      case "comm_open" -> commOpened(message);
      case "comm_msg" -> commMessage(message);
      case "comm_close" -> commClosed(message);
      case "status" -> status(parentId, message);
      default -> {
        Execution execution = executions.get(parentId);
        if (execution != null) {
          Output.from(message).ifPresent(execution::output);
        }
      }
    }
  }

  private void status(String parentId, Message message) {
    Execution execution = executions.get(parentId);
    if (execution != null && message.content().path("execution_state").asText("").equals("idle")) {
      execution.idle();
      if (execution.isDone()) {
        executions.remove(parentId);
      }
    }
  }

  private void commOpened(Message message) {
    String commId = message.content().path("comm_id").asText("");
    String targetName = message.content().path("target_name").asText("");
    CommTarget target = targets.get(targetName);
    if (target == null || comms.containsKey(commId)) {
      // Other clients of the same kernel may have the target; closing would close it for them.
      LOG.debug("comm_open for target '{}' not registered here; ignored", targetName);
      return;
    }
    Comm comm = newComm(commId, targetName);
    target.opened(comm, JsonValues.map(message.content(), "data"));
  }

  private void commMessage(Message message) {
    Comm comm = comms.get(message.content().path("comm_id").asText(""));
    if (comm != null) {
      comm.received(
          new CommMessage(
              JsonValues.map(message.content(), "data"),
              JsonValues.map(message.metadata()),
              message.buffers()));
    }
  }

  private void commClosed(Message message) {
    Comm comm = comms.remove(message.content().path("comm_id").asText(""));
    if (comm != null) {
      comm.closedByKernel(JsonValues.map(message.content(), "data"));
    }
  }

  /**
   * How many replies or input requests arrived for no request of this client (an answered one, or
   * another client's): zero when the kernel routes correctly.
   */
  long strays() {
    return strays.get();
  }

  /** Fails everything still waiting; the client is closing. */
  void abandonAll(RuntimeException reason) {
    pending.values().forEach(waiting -> waiting.reply().completeExceptionally(reason));
    pending.clear();
    executions.values().forEach(execution -> execution.abandon(reason));
    executions.clear();
    comms.values().forEach(comm -> comm.abandon(reason));
    comms.clear();
    iopubReady.completeExceptionally(reason);
  }
}
