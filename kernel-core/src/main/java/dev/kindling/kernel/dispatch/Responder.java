package dev.kindling.kernel.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.kernel.transport.Replies;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers one request on the channel it came in on. Output the request caused is flushed to IOPub
 * before the reply goes out, so front ends see outputs, then the reply, then idle.
 */
public final class Responder {

  private final Message request;
  private final Channel channel;
  private final String replyType;
  private final MessageFactory messages;
  private final Iopub iopub;
  private final Replies replies;
  private final Runnable beforeReply;
  private ObjectNode sent;
  private CompletableFuture<Void> delivery = CompletableFuture.completedFuture(null);

  Responder(
      Message request,
      Channel channel,
      String replyType,
      MessageFactory messages,
      Iopub iopub,
      Replies replies,
      Runnable beforeReply) {
    this.beforeReply = beforeReply;
    this.request = request;
    this.channel = channel;
    this.replyType = replyType;
    this.messages = messages;
    this.iopub = iopub;
    this.replies = replies;
  }

  /** Sends the reply with this content. */
  public void reply(ObjectNode content) {
    reply(content, Json.object());
  }

  /** Sends the reply with this content and metadata. */
  public void reply(ObjectNode content, ObjectNode metadata) {
    if (replyType == null) {
      throw new IllegalStateException(request.msgType() + " has no reply");
    }
    if (sent != null) {
      throw new IllegalStateException("already replied to " + request);
    }
    iopub.flush();
    sent = content;
    delivery =
        replies.send(channel, messages.reply(request, replyType, content, metadata), beforeReply);
  }

  /** The content of the reply sent, if any. */
  public Optional<ObjectNode> sentReply() {
    return Optional.ofNullable(sent);
  }

  /** Whether this request type has a reply at all. */
  public boolean expectsReply() {
    return replyType != null;
  }

  /** Completed once the reply has been handed to ZeroMQ. */
  public CompletableFuture<Void> delivery() {
    return delivery;
  }
}
