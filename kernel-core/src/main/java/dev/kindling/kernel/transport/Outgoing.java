package dev.kindling.kernel.transport;

import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Message;
import java.util.concurrent.CompletableFuture;

/**
 * A message waiting for its socket's owner thread to send it.
 *
 * @param channel the socket to send on
 * @param message the message, with the peer's identities as routing frames
 * @param beforeSend run on the owner thread after pending requests are taken in, before sending
 * @param sent completed once the message has been handed to ZeroMQ
 */
record Outgoing(
    Channel channel, Message message, Runnable beforeSend, CompletableFuture<Void> sent) {}
