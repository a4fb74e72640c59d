package dev.kindling.kernel.iopub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.transport.SocketOwnerThreads;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import dev.kindling.protocol.WireCodec;
import dev.kindling.protocol.zmq.Mailbox;
import dev.kindling.protocol.zmq.SocketWaiter;
import dev.kindling.protocol.zmq.Sockets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The one thread that owns the IOPub XPUB socket. It sends everything producers hand over, in
 * order, batches stream text, and greets each new subscriber with {@code iopub_welcome} (protocol
 * 5.5).
 */
public final class IopubPublisher implements Iopub, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IopubPublisher.class);

  private final ZContext context;
  private final String endpoint;
  private final WireCodec codec;
  private final MessageFactory messages;
  private final SocketWaiter waiter = new SocketWaiter();
  private final Mailbox<IopubEvent> mailbox;
  private final StreamBatcher batcher;
  private final CompletableFuture<Void> bound = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean running = true;

  public IopubPublisher(
      ZContext context, String endpoint, WireCodec codec, MessageFactory messages) {
    this.context = context;
    this.endpoint = endpoint;
    this.codec = codec;
    this.messages = messages;
    this.mailbox = new Mailbox<>("iopub", waiter);
    this.batcher = new StreamBatcher(messages);
    this.thread = new Thread(this::run, "kindling-iopub");
    this.thread.setDaemon(true);
  }

  /** Binds the socket on the publisher thread and returns once it is bound (or failed to bind). */
  public void start() {
    SocketOwnerThreads.startAndAwaitBinding(thread, bound, endpoint);
  }

  @Override
  public void publish(Message message) {
    mailbox.post(new IopubEvent.Publish(message));
  }

  @Override
  public void stream(ObjectNode parentHeader, String name, String text) {
    mailbox.post(new IopubEvent.Stream(parentHeader, name, text));
  }

  @Override
  public void flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    mailbox.post(new IopubEvent.Flush(done));
    if (Thread.currentThread() != thread) {
      Waiting.awaitUninterruptibly(done);
    }
  }

  private void run() {
    ZMQ.Socket socket;
    try {
      socket = Sockets.bindXpub(context, endpoint);
    } catch (RuntimeException e) {
      bound.completeExceptionally(e);
      return;
    }
    bound.complete(null);
    try {
      waiter.register(socket);
      while (running) {
        long timeout = batcher.deadline().stream().map(d -> millisUntil(d)).findFirst().orElse(-1L);
        waiter.await(timeout);
        // The socket is in manual mode (see Sockets.bindXpub): a subscription counts only once
        // it is applied here, just before its welcome, so the welcome is a subscriber's first
        // message.
        welcomeSubscribers(socket);
        for (IopubEvent event : mailbox.drain()) {
          send(socket, batcher.accept(event, System.nanoTime()));
          if (event instanceof IopubEvent.Flush flush) {
            flush.done().complete(null);
          }
        }
        send(socket, batcher.expire(System.nanoTime()));
      }
    } catch (RuntimeException e) {
      if (running) {
        log.error("IOPub publisher stopped unexpectedly", e);
      }
    } finally {
      waiter.close();
      socket.close();
    }
  }

  private static long millisUntil(long deadlineNanos) {
    return Math.max(0, (deadlineNanos - System.nanoTime() + 999_999) / 1_000_000);
  }

  private void welcomeSubscribers(ZMQ.Socket socket) {
    byte[] event;
    while ((event = socket.recv(ZMQ.DONTWAIT)) != null) {
      if (!Sockets.applySubscription(socket, event) || event[0] == 0) {
        continue; // noise, or an unsubscription: nothing to answer
      }
      byte[] topic = Arrays.copyOfRange(event, 1, event.length);
      ObjectNode content = Json.object();
      content.put("subscription", new String(topic, java.nio.charset.StandardCharsets.UTF_8));
      Message welcome = messages.message("iopub_welcome", content);
      if (topic.length > 0) {
        welcome = welcome.withIdentities(List.of(topic));
      }
      send(socket, List.of(welcome));
    }
  }

  private void send(ZMQ.Socket socket, List<Message> batch) {
    for (Message message : batch) {
      Sockets.send(socket, codec, message);
    }
  }

  /** Sends what is pending and stops the publisher thread. */
  @Override
  public void close() {
    flush();
    running = false;
    mailbox.post(new IopubEvent.Flush(new CompletableFuture<>()));
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    mailbox.close();
  }
}
