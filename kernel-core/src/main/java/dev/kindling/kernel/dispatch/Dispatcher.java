package dev.kindling.kernel.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.execution.Cell;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.kernel.transport.Replies;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import dev.kindling.protocol.MessageType;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request to its handler, wrapped in {@code busy} and {@code idle} parented to the
 * request, with the request as the current cell so that its output reaches it. A handler that fails
 * still gets its request answered (status {@code error}); an unknown type gets busy and idle and no
 * reply, as in ipykernel.
 */
public final class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Map<String, RequestHandler> handlers;
  private final MessageFactory messages;
  private final Iopub iopub;
  private final Replies replies;
  private final CellScope scope;

  public Dispatcher(
      Map<String, RequestHandler> handlers,
      MessageFactory messages,
      Iopub iopub,
      Replies replies,
      CellScope scope) {
    this.handlers = Map.copyOf(handlers);
    this.messages = messages;
    this.iopub = iopub;
    this.replies = replies;
    this.scope = scope;
  }

  /**
   * Handles one request from start to idle.
   *
   * @return the reply content sent, if any
   */
  public Optional<ObjectNode> dispatch(Channel channel, Message request) {
    return dispatch(channel, request, () -> {});
  }

  /**
   * Handles one request, calling {@code beforeReply} on the socket's thread just before its reply
   * goes out (after the outputs are flushed and the requests waiting on the socket are taken in).
   */
  public Optional<ObjectNode> dispatch(Channel channel, Message request, Runnable beforeReply) {
    Responder responder =
        new Responder(request, channel, replyType(request), messages, iopub, replies, beforeReply);
    publishStatus(request, "busy");
    try (CellScope.Entered entered = scope.enter(new Cell(request))) {
      RequestHandler handler = handlers.get(request.msgType());
      if (handler == null) {
        log.info(
            "No handler for message type '{}' on {}; ignored",
            request.msgType(),
            channel.wireName());
      } else {
        handler.handle(request, responder);
      }
    } catch (Exception | LinkageError e) {
      log.error("Failed to handle {} on {}", request, channel.wireName(), e);
      if (responder.expectsReply() && responder.sentReply().isEmpty()) {
        responder.reply(ErrorContent.of(ErrorContent.fromException(e)));
      }
    } finally {
      // No flush to wait for: IOPub sends pending stream output before any other message, so the
      // idle status goes out after everything the request printed.
      publishStatus(request, "idle");
    }
    return responder.sentReply();
  }

  /** Answers an execute request that was queued behind a failed cell: aborted, not run. */
  public void abort(Channel channel, Message request, int executionCount) {
    Responder responder = responderFor(channel, request);
    publishStatus(request, "busy");
    ObjectNode content = Json.object();
    content.put("status", "aborted");
    content.put("execution_count", executionCount);
    ObjectNode metadata = Json.object();
    metadata.put("status", "aborted");
    responder.reply(content, metadata);
    publishStatus(request, "idle");
  }

  private Responder responderFor(Channel channel, Message request) {
    return new Responder(request, channel, replyType(request), messages, iopub, replies, () -> {});
  }

  private static String replyType(Message request) {
    return request.type().flatMap(MessageType::replyType).orElse(null);
  }

  private void publishStatus(Message request, String state) {
    ObjectNode content = Json.object();
    content.put("execution_state", state);
    iopub.publish(messages.broadcast(request, "status", content));
  }
}
