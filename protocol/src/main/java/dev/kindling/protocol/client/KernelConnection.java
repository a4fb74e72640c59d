package dev.kindling.protocol.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.ConnectionInfo;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import dev.kindling.protocol.WireCodec;
import dev.kindling.protocol.client.ClientIoLoop.Command;
import dev.kindling.protocol.zmq.Mailbox;
import dev.kindling.protocol.zmq.SocketWaiter;
import dev.kindling.protocol.zmq.Sockets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A client's connection to a running kernel, made the way jupyter_client makes one: DEALER sockets
 * for shell, control and stdin that share one identity (the client's session id), a SUB socket on
 * IOPub subscribed to everything, and a REQ socket for heartbeat pings.
 *
 * <p>Thread-safety: every method may be called from any thread, also from an interrupted one. One
 * private I/O thread owns all sockets; {@link #send} encodes and signs on the calling thread and
 * hands the frames over through a {@link Mailbox}, so it never blocks on the network. Received
 * messages are checked with the connection's key and queued per channel; invalid ones are logged
 * and dropped. Nothing is dropped for lack of a reader, so read (or close) channels you do not
 * need.
 *
 * <pre>{@code
 * try (KernelConnection kernel = KernelConnection.open(ConnectionInfo.read(file))) {
 *   Message reply = kernel.request(Channel.SHELL, "kernel_info_request", Json.object(), timeout);
 *   Optional<Message> output = kernel.receive(Channel.IOPUB, timeout);
 * }
 * }</pre>
 */
public final class KernelConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KernelConnection.class);
  private static final Duration CLOSE_WAIT = Duration.ofMillis(Sockets.LINGER_MILLIS + 1000L);

  private final MessageFactory messages;
  private final WireCodec codec;
  private final Mailbox<Command> mailbox;
  private final Map<Channel, Inbox> inboxes = new EnumMap<>(Channel.class);
  private final Thread ioThread;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * The stdin socket's handshake events: read by {@link #awaitStdinConnected} and closed by {@link
   * #close}, both holding this connection's lock.
   */
  private final ZMQ.Socket stdinHandshakes;

  private final ZContext context;

  private boolean stdinConnected;

  private KernelConnection(ConnectionInfo info, MessageFactory messages, MessageListener listener) {
    this.messages = messages;
    this.codec = new WireCodec(info.signer());
    context = new ZContext(1);
    Map<Channel, ZMQ.Socket> sockets = new EnumMap<>(Channel.class);
    ZMQ.Socket heartbeat;
    SocketWaiter waiter;
    try {
      byte[] identity = Sockets.identity(messages.session());
      for (Channel channel : new Channel[] {Channel.SHELL, Channel.CONTROL}) {
        sockets.put(channel, Sockets.connectDealer(context, info.endpoint(channel), identity));
      }
      Sockets.Monitored stdin =
          Sockets.connectMonitoredDealer(
              context,
              info.endpoint(Channel.STDIN),
              identity,
              "inproc://kindling-stdin-handshakes-" + messages.session());
      sockets.put(Channel.STDIN, stdin.socket());
      stdinHandshakes = stdin.events();
      sockets.put(Channel.IOPUB, Sockets.connectSub(context, info.endpoint(Channel.IOPUB)));
      heartbeat = Sockets.connectReq(context, info.endpoint(Channel.HEARTBEAT));
      waiter = new SocketWaiter();
      mailbox = new Mailbox<>("client-" + messages.session(), waiter);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
    for (Channel channel : sockets.keySet()) {
      inboxes.put(
          channel,
          listener == null
              ? new Inbox()
              : new Inbox(message -> listener.received(channel, message)));
    }
    ClientIoLoop loop =
        new ClientIoLoop(
            info, codec, context, waiter, mailbox, sockets, heartbeat, Map.copyOf(inboxes));
    ioThread = new Thread(loop, "kindling-client-io-" + messages.session());
    ioThread.setDaemon(true);
    ioThread.start();
  }

  /**
   * Connects to the kernel a connection file describes. Connecting does not wait for the kernel:
   * use {@link #ping} or a {@code kernel_info_request} to find out whether it answers.
   *
   * @throws org.zeromq.ZMQException when an endpoint is invalid; the message names it
   */
  public static KernelConnection open(ConnectionInfo info) {
    return new KernelConnection(info, defaultMessages(), null);
  }

  /**
   * Connects as {@link #open(ConnectionInfo, MessageFactory, MessageListener)} does, with the
   * message factory {@link #open(ConnectionInfo)} uses.
   */
  public static KernelConnection open(ConnectionInfo info, MessageListener listener) {
    return open(info, defaultMessages(), listener);
  }

  private static MessageFactory defaultMessages() {
    return new MessageFactory(System.getProperty("user.name", "kindling"));
  }

  /**
   * Connects as {@link #open(ConnectionInfo)} does, but hands every received message to {@code
   * listener} instead of queueing it: {@link #receive} and {@link #request} then find nothing. The
   * listener runs on the connection's I/O thread, so it must return quickly (hand the message to
   * another thread); the client library uses this to push messages to its dispatcher.
   *
   * @param messages the factory whose session id becomes the sockets' identity
   */
  public static KernelConnection open(
      ConnectionInfo info, MessageFactory messages, MessageListener listener) {
    return new KernelConnection(
        info, Objects.requireNonNull(messages), Objects.requireNonNull(listener));
  }

  /** Receives every valid message a connection gets, on its I/O thread. */
  @FunctionalInterface
  public interface MessageListener {

    /** Called on the I/O thread, in arrival order per channel; must not block. */
    void received(Channel channel, Message message);
  }

  /** The client's message factory; its session id is also the identity of its sockets. */
  public MessageFactory messages() {
    return messages;
  }

  /**
   * Sends a new request (or other message) with no parent.
   *
   * @return the message sent, whose {@code msg_id} replies carry as their parent's
   * @throws IllegalArgumentException for IOPub and heartbeat, which a client cannot send on
   * @throws IllegalStateException when the connection is closed
   */
  public Message send(Channel channel, String msgType, ObjectNode content) {
    Message message = messages.request(msgType, content);
    send(channel, message);
    return message;
  }

  /**
   * Sends a message built elsewhere, for example an {@code input_reply} made with {@link
   * MessageFactory#reply}. Do not modify the message afterwards.
   *
   * @throws IllegalArgumentException for IOPub and heartbeat, which a client cannot send on
   * @throws IllegalStateException when the connection is closed (or its I/O thread failed)
   */
  public void send(Channel channel, Message message) {
    requireSendable(channel);
    Objects.requireNonNull(message, "message");
    if (closed.get() || !ioThread.isAlive()) {
      throw new IllegalStateException("the kernel connection is closed");
    }
    mailbox.post(new ClientIoLoop.Outgoing(channel, codec.encode(message)));
  }

  /**
   * Takes the oldest received message of a channel, waiting up to {@code timeout} for one.
   *
   * @return the message, or empty when none came in time, when the calling thread is interrupted
   *     (its interrupt status is kept) or when the connection is closed and nothing is left
   * @throws IllegalArgumentException for the heartbeat channel
   */
  public Optional<Message> receive(Channel channel, Duration timeout) {
    try {
      return inbox(channel).take(message -> true, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Sends a request and waits for its reply: the first message on the same channel whose parent
   * header's {@code msg_id} is the request's. Other messages stay queued, in order, for {@link
   * #receive}.
   *
   * @throws NoReplyException when no reply comes within {@code timeout}, the calling thread is
   *     interrupted (its interrupt status is kept) or the connection closes
   * @throws IllegalArgumentException for IOPub and heartbeat
   */
  public Message request(Channel channel, String msgType, ObjectNode content, Duration timeout) {
    Message request = send(channel, msgType, content);
    String msgId = request.msgId();
    Predicate<Message> isReply = m -> msgId.equals(m.parentHeader().path("msg_id").asText(null));
    try {
      return inbox(channel)
          .take(isReply, timeout)
          .orElseThrow(
              () ->
                  closed.get()
                      ? new NoReplyException(
                          NoReplyException.Reason.CLOSED, request, "the connection is closed")
                      : new NoReplyException(
                          NoReplyException.Reason.TIMEOUT, request, "none within " + timeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NoReplyException(NoReplyException.Reason.INTERRUPTED, request, "interrupted");
    }
  }

  /**
   * Waits until the stdin socket has a connection to the kernel (its ZMTP handshake done). A kernel
   * sends {@code input_request} to the identity of the request's sender, and its ROUTER socket
   * silently drops a message for an identity it does not know yet: a cell that calls {@code
   * input()} right after the client connected could wait forever for an answer that no front end
   * was asked for. Shell and control need no such wait (a reply comes only over a connection),
   * IOPub has its own ({@code idle} of a first request).
   *
   * @return true once connected (at once on later calls); false when {@code timeout} passed first
   *     or the connection was closed
   */
  public synchronized boolean awaitStdinConnected(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!stdinConnected && !closed.get()) {
      long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (millis <= 0) {
        return false;
      }
      // In slices, so close() waits for the lock at most one slice.
      stdinHandshakes.setReceiveTimeOut((int) Math.min(millis, 100));
      ZMQ.Event event = ZMQ.Event.recv(stdinHandshakes);
      stdinConnected = event != null && event.getEvent() == ZMQ.EVENT_HANDSHAKE_PROTOCOL;
    }
    return stdinConnected;
  }

  /**
   * Sends a heartbeat ping and waits for the echo.
   *
   * @return true when the kernel echoed within {@code timeout}; false when it did not, when the
   *     connection is closed, or when the calling thread is interrupted (its status is kept)
   */
  public boolean ping(Duration timeout) {
    if (closed.get() || !ioThread.isAlive()) {
      return false;
    }
    long start = System.nanoTime();
    long nanos = Math.max(0, timeout.toNanos());
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    mailbox.post(new ClientIoLoop.Ping(result, start + nanos));
    try {
      return result.get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      LOG.warn("heartbeat ping failed", e.getCause());
      return false;
    }
  }

  /**
   * Closes the sockets and stops the I/O thread, letting messages already sent leave for up to
   * {@value Sockets#LINGER_MILLIS} ms. Readers waiting in {@link #receive} or {@link #request}
   * return at once. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      context.destroySocket(stdinHandshakes);
    }
    mailbox.post(new ClientIoLoop.Stop());
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    while (ioThread.isAlive() && System.nanoTime() - deadline < 0) {
      try {
        ioThread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (ioThread.isAlive()) {
      LOG.warn("kernel connection I/O thread {} did not stop in time", ioThread.getName());
    }
    inboxes.values().forEach(Inbox::close);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private Inbox inbox(Channel channel) {
    Inbox inbox = inboxes.get(channel);
    if (inbox == null) {
      throw new IllegalArgumentException("no messages are received on " + channel.wireName());
    }
    return inbox;
  }

  private static void requireSendable(Channel channel) {
    if (channel == Channel.IOPUB || channel == Channel.HEARTBEAT) {
      throw new IllegalArgumentException("a client cannot send on " + channel.wireName());
    }
  }
}
