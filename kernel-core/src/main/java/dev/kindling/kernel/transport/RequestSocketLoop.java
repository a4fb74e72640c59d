package dev.kindling.kernel.transport;

import dev.kindling.protocol.Channel;
import dev.kindling.protocol.InvalidMessageException;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.WireCodec;
import dev.kindling.protocol.zmq.Mailbox;
import dev.kindling.protocol.zmq.SocketWaiter;
import dev.kindling.protocol.zmq.Sockets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * One thread owning one or more ROUTER sockets (shell and stdin, or control). It decodes what
 * arrives, drops invalid messages with a log line, hands valid ones to the inbound handler on this
 * thread, and sends what other threads hand over through {@link Replies}. No other thread touches
 * these sockets.
 */
public final class RequestSocketLoop implements Replies, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RequestSocketLoop.class);

  private final ZContext context;
  private final String name;
  private final Map<Channel, String> endpoints;
  private final WireCodec codec;
  private final BiConsumer<Channel, Message> inbound;
  private final SocketWaiter waiter = new SocketWaiter();
  private final Mailbox<Outgoing> mailbox;
  private final CompletableFuture<Void> bound = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param endpoints the sockets this loop owns
   * @param codec shared by every receiving loop, so a replay on any socket is refused
   * @param inbound called on this loop's thread for each valid message; must not block long
   */
  public RequestSocketLoop(
      ZContext context,
      String name,
      Map<Channel, String> endpoints,
      WireCodec codec,
      BiConsumer<Channel, Message> inbound) {
    this.context = context;
    this.name = name;
    this.endpoints = new EnumMap<>(endpoints);
    this.codec = codec;
    this.inbound = inbound;
    this.mailbox = new Mailbox<>(name, waiter);
    this.thread = new Thread(this::run, "kindling-" + name);
    this.thread.setDaemon(true);
  }

  /** Binds the sockets on the loop's thread; returns once bound, or throws if binding failed. */
  public void start() {
    SocketOwnerThreads.startAndAwaitBinding(thread, bound, endpoints.values());
  }

  @Override
  public CompletableFuture<Void> send(Channel channel, Message message, Runnable beforeSend) {
    if (!endpoints.containsKey(channel)) {
      throw new IllegalArgumentException(
          name + " does not own the " + channel.wireName() + " socket");
    }
    CompletableFuture<Void> sent = new CompletableFuture<>();
    mailbox.post(new Outgoing(channel, message, beforeSend, sent));
    return sent;
  }

  private void run() {
    Map<Channel, ZMQ.Socket> sockets = new EnumMap<>(Channel.class);
    try {
      endpoints.forEach(
          (channel, endpoint) -> sockets.put(channel, Sockets.bindRouter(context, endpoint)));
    } catch (RuntimeException e) {
      sockets.values().forEach(ZMQ.Socket::close);
      bound.completeExceptionally(e);
      return;
    }
    bound.complete(null);
    try {
      sockets.values().forEach(waiter::register);
      while (running) {
        waiter.await(-1);
        // Requests already waiting are taken in before any reply leaves: a request a client
        // sent before it could see a reply is handled as having arrived before that reply.
        sockets.forEach(this::receiveAll);
        sendAll(sockets);
      }
      sendAll(sockets);
    } catch (RuntimeException e) {
      if (running) {
        log.error("{} socket loop stopped unexpectedly", name, e);
      }
    } finally {
      waiter.close();
      sockets.values().forEach(ZMQ.Socket::close);
    }
  }

  private void receiveAll(Channel channel, ZMQ.Socket socket) {
    List<byte[]> frames;
    while (!(frames = Sockets.receiveFrames(socket, ZMQ.DONTWAIT)).isEmpty()) {
      Message message;
      try {
        synchronized (codec) {
          message = codec.decode(frames);
        }
      } catch (InvalidMessageException e) {
        log.warn(
            "Dropped an invalid message on {}: {} ({})",
            channel.wireName(),
            e.getMessage(),
            e.reason());
        continue;
      }
      try {
        inbound.accept(channel, message);
      } catch (RuntimeException e) {
        log.error("Failed to handle {} on {}", message, channel.wireName(), e);
      }
    }
  }

  private void sendAll(Map<Channel, ZMQ.Socket> sockets) {
    for (Outgoing outgoing : mailbox.drain()) {
      if (outgoing.message() == null) {
        outgoing.sent().complete(null); // the wake-up that close() sends
        continue;
      }
      try {
        outgoing.beforeSend().run();
        Sockets.send(sockets.get(outgoing.channel()), codec, outgoing.message());
        outgoing.sent().complete(null);
      } catch (RuntimeException e) {
        log.error("Failed to send {} on {}", outgoing.message(), outgoing.channel().wireName(), e);
        outgoing.sent().completeExceptionally(e);
      }
    }
  }

  /** Sends what is pending and stops the loop. */
  @Override
  public void close() {
    running = false;
    mailbox.post(new Outgoing(null, null, () -> {}, new CompletableFuture<>()));
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    mailbox.close();
  }
}
