package dev.kindling.protocol.zmq;

import dev.kindling.protocol.Message;
import dev.kindling.protocol.WireCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * Creates ZeroMQ sockets configured as ipykernel and jupyter_client configure theirs, and moves
 * multipart messages through them.
 *
 * <p>Every socket gets a linger of {@value #LINGER_MILLIS} ms, so closing never hangs on a stalled
 * peer yet still delivers a last reply. ROUTER sockets hand a reused identity over to the newest
 * peer (front ends reconnect with the same identity). The IOPub XPUB socket reports every
 * subscription, duplicates included, and queues up to {@value #IOPUB_SEND_HWM} messages per
 * subscriber before dropping. Connecting sockets give up on a stalled handshake after {@value
 * #CONNECT_HANDSHAKE_MILLIS} ms and reconnect. Bind failures throw a {@link ZMQException} whose
 * message names the endpoint.
 *
 * <p>The helpers do not make sockets thread-safe: call them on the thread that owns the socket.
 */
public final class Sockets {

  /** Linger on close, as ipykernel sets on every socket. */
  public static final int LINGER_MILLIS = 1000;

  /** The IOPub send high-water mark: PUB/XPUB sockets silently drop messages beyond it. */
  public static final int IOPUB_SEND_HWM = 100_000;

  /**
   * How long a connecting socket waits for the ZMTP handshake before dropping the connection and
   * reconnecting. JeroMQ's default is 30 s; once in a while a fresh TCP connection to a peer that
   * has just come back on the same port never completes its handshake (seen in tests with JeroMQ
   * 0.6.0; libzmq#3914 reports a similar stall), and a short limit turns that into a quick retry.
   */
  public static final int CONNECT_HANDSHAKE_MILLIS = 2000;

  private Sockets() {}

  /**
   * Sends a message as one multipart ZeroMQ message, blocking if the socket's queue is full.
   *
   * @return false if the socket refused the message (for example when a send timeout set on the
   *     socket expired); nothing was sent then
   */
  public static boolean send(ZMQ.Socket socket, WireCodec codec, Message message) {
    return sendFrames(socket, codec.encode(message), 0);
  }

  /**
   * Sends already encoded frames as one multipart message.
   *
   * @param flags 0 to block while the queue is full, or {@link ZMQ#DONTWAIT}
   * @return false if the first frame could not be queued (nothing was sent)
   */
  public static boolean sendFrames(ZMQ.Socket socket, List<byte[]> frames, int flags) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a message has at least one frame");
    }
    int last = frames.size() - 1;
    for (int i = 0; i < last; i++) {
      if (!socket.send(frames.get(i), flags | ZMQ.SNDMORE)) {
        // ZeroMQ queues a multipart message atomically: only the first frame can be refused.
        return false;
      }
    }
    return socket.send(frames.get(last), flags);
  }

  /**
   * Receives all frames of one multipart message.
   *
   * @param flags 0 to wait for a message, or {@link ZMQ#DONTWAIT}
   * @return the frames, or an empty list when no message was waiting (with {@link ZMQ#DONTWAIT})
   */
  public static List<byte[]> receiveFrames(ZMQ.Socket socket, int flags) {
    byte[] first = socket.recv(flags);
    if (first == null) {
      return List.of();
    }
    List<byte[]> frames = new ArrayList<>();
    frames.add(first);
    while (socket.hasReceiveMore()) {
      // The rest of a multipart message is already here: receiving it never waits.
      frames.add(socket.recv(0));
    }
    return frames;
  }

  /** A ROUTER socket bound to {@code endpoint}, for shell, control or stdin. */
  public static ZMQ.Socket bindRouter(ZContext context, String endpoint) {
    ZMQ.Socket socket = create(context, SocketType.ROUTER, endpoint);
    socket.setRouterHandover(true);
    return bind(socket, endpoint);
  }

  /** An XPUB socket bound to {@code endpoint}, for IOPub; receives every subscription event. */
  public static ZMQ.Socket bindXpub(ZContext context, String endpoint) {
    ZMQ.Socket socket = create(context, SocketType.XPUB, endpoint);
    // Manual mode: a subscription takes effect only when the owner applies it, right before it
    // sends the subscriber's iopub_welcome, so nothing can reach a subscriber ahead of its welcome.
    socket.setXpubManual(true);
    socket.setSndHWM(IOPUB_SEND_HWM);
    return bind(socket, endpoint);
  }

  /**
   * Applies a subscription event received on a manual-mode XPUB socket ({@code 1} or {@code 0}
   * followed by the topic) to the subscriber that sent it: subscribes or unsubscribes it.
   *
   * <p>JeroMQ 0.6.0 drops the first byte of the value given to {@code ZMQ_SUBSCRIBE} on a manual
   * XPUB (it reuses the code that strips the event byte), so the whole event is passed, event byte
   * included. SocketsTest checks that a subscriber receives what is published after this call.
   *
   * @return false when {@code event} is not a subscription event
   */
  public static boolean applySubscription(ZMQ.Socket xpub, byte[] event) {
    if (event.length == 0 || (event[0] != 0 && event[0] != 1)) {
      return false;
    }
    return event[0] == 1 ? xpub.subscribe(event) : xpub.unsubscribe(event);
  }

  /**
   * A ROUTER socket bound to {@code endpoint}, for the heartbeat: echo each received multipart
   * message unchanged (identity frames included) and REQ clients get their ping back.
   */
  public static ZMQ.Socket bindHeartbeat(ZContext context, String endpoint) {
    ZMQ.Socket socket = create(context, SocketType.ROUTER, endpoint);
    socket.setRouterHandover(true);
    return bind(socket, endpoint);
  }

  /** A DEALER socket with the given identity connected to {@code endpoint}, as a client uses. */
  public static ZMQ.Socket connectDealer(ZContext context, String endpoint, byte[] identity) {
    ZMQ.Socket socket = create(context, SocketType.DEALER, endpoint);
    socket.setIdentity(identity);
    return connect(socket, endpoint);
  }

  /**
   * A DEALER socket as {@link #connectDealer(ZContext, String, byte[])} makes, which also reports
   * the ZMTP handshake of each of its connections ({@link ZMQ#EVENT_HANDSHAKE_PROTOCOL}) to the
   * PAIR socket it returns with it, connected before the DEALER connects so no event is missed.
   *
   * @param monitorEndpoint an {@code inproc://} address unique in {@code context}
   */
  public static Monitored connectMonitoredDealer(
      ZContext context, String endpoint, byte[] identity, String monitorEndpoint) {
    ZMQ.Socket socket = create(context, SocketType.DEALER, endpoint);
    socket.setIdentity(identity);
    ZMQ.Socket events;
    try {
      if (!socket.monitor(monitorEndpoint, ZMQ.EVENT_HANDSHAKE_PROTOCOL)) {
        throw new ZMQException("cannot monitor " + endpoint, socket.errno());
      }
      events = context.createSocket(SocketType.PAIR);
      events.connect(monitorEndpoint);
    } catch (RuntimeException e) {
      socket.close();
      throw e;
    }
    try {
      return new Monitored(connect(socket, endpoint), events);
    } catch (RuntimeException e) {
      events.close();
      throw e;
    }
  }

  /** A socket and the PAIR socket that receives its monitor events. */
  public record Monitored(ZMQ.Socket socket, ZMQ.Socket events) {}

  /** A SUB socket subscribed to every topic, connected to {@code endpoint}. */
  public static ZMQ.Socket connectSub(ZContext context, String endpoint) {
    ZMQ.Socket socket = create(context, SocketType.SUB, endpoint);
    socket.subscribe(new byte[0]);
    return connect(socket, endpoint);
  }

  /** A REQ socket connected to {@code endpoint}, for heartbeat pings. */
  public static ZMQ.Socket connectReq(ZContext context, String endpoint) {
    return connect(create(context, SocketType.REQ, endpoint), endpoint);
  }

  /** The identity a client's DEALER sockets use: the UTF-8 bytes of its session id. */
  public static byte[] identity(String session) {
    return session.getBytes(StandardCharsets.UTF_8);
  }

  private static ZMQ.Socket create(ZContext context, SocketType type, String endpoint) {
    ZMQ.Socket socket = context.createSocket(type);
    socket.setLinger(LINGER_MILLIS);
    if (endpoint.startsWith("tcp://[")) {
      socket.setIPv6(true);
    }
    return socket;
  }

  private static ZMQ.Socket bind(ZMQ.Socket socket, String endpoint) {
    return attach(socket, endpoint, true);
  }

  private static ZMQ.Socket connect(ZMQ.Socket socket, String endpoint) {
    socket.setHandshakeIvl(CONNECT_HANDSHAKE_MILLIS);
    return attach(socket, endpoint, false);
  }

  /** Binds or connects; on failure closes the socket and throws naming the endpoint. */
  private static ZMQ.Socket attach(ZMQ.Socket socket, String endpoint, boolean bind) {
    RuntimeException failure = null;
    try {
      if (bind ? socket.bind(endpoint) : socket.connect(endpoint)) {
        return socket;
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    int errno = failure instanceof ZMQException z ? z.getErrorCode() : socket.errno();
    socket.close();
    String reason = errno != 0 ? ZError.toString(errno) : String.valueOf(failure);
    String hint = bind && errno == ZError.EADDRINUSE ? " (is another process using the port?)" : "";
    throw new ZMQException(
        (bind ? "cannot bind " : "cannot connect to ") + endpoint + ": " + reason + hint,
        errno,
        failure);
  }
}
