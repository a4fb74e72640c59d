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
  default CompletableFuture<Void> send(Channel channel, Message message) {
    return send(channel, message, () -> {});
  }

  /**
   * Hands a message to the thread that owns {@code channel}'s socket, which first takes in every
   * request already waiting on its sockets, then runs {@code beforeSend}, then sends. So {@code
   * beforeSend} sees every request that reached the kernel before the client could have seen this
   * message.
   *
   * @return completed once the message has been sent
   */
  CompletableFuture<Void> send(Channel channel, Message message, Runnable beforeSend);
}
