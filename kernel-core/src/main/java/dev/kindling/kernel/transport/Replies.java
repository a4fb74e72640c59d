package dev.kindling.kernel.transport;

import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Message;
import java.util.concurrent.CompletableFuture;

/** Sends messages to one client on a ROUTER channel (shell, control or stdin). Thread-safe. */
public interface Replies {

  /**
   * Hands a message to the thread that owns {@code channel}'s socket.
   *
   * @return completed once the message has been sent
   */
  CompletableFuture<Void> send(Channel channel, Message message);
}
