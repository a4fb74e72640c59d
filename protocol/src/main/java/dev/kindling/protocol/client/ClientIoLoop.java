package dev.kindling.protocol.client;

import dev.kindling.protocol.Channel;
import dev.kindling.protocol.ConnectionInfo;
import dev.kindling.protocol.InvalidMessageException;
import dev.kindling.protocol.WireCodec;
import dev.kindling.protocol.zmq.Mailbox;
import dev.kindling.protocol.zmq.SocketWaiter;
import dev.kindling.protocol.zmq.Sockets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The body of a {@link KernelConnection}'s I/O thread, the only thread that touches the
 * connection's sockets. It waits in one {@link SocketWaiter} on the sockets and on the mailbox
 * through which other threads hand it work, sends without ever blocking (messages a full socket
 * refuses wait in a per-channel backlog until the socket is writable), decodes what arrives into
 * the channels' inboxes, and runs heartbeat pings one at a time.
 */
final class ClientIoLoop implements Runnable {

  /** Work handed to the I/O thread. */
  sealed interface Command {}

  /** Send these encoded frames on a channel. */
  record Outgoing(Channel channel, List<byte[]> frames) implements Command {}

  /** Do a heartbeat round trip; complete {@code result} with its outcome by the deadline. */
  record Ping(CompletableFuture<Boolean> result, long deadlineNanos) implements Command {}

  /** Close everything and end the thread. */
  record Stop() implements Command {}

  private static final Logger LOG = LoggerFactory.getLogger(ClientIoLoop.class);
  private static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_READS_PER_WAKE_UP = 1000;

  private final ConnectionInfo info;
  private final WireCodec codec;
  private final ZContext context;
  private final Mailbox<Command> mailbox;
  private final Map<Channel, ZMQ.Socket> sockets;
  private final Map<Channel, Inbox> inboxes;
  private final Map<Channel, ArrayDeque<List<byte[]>>> backlog = new EnumMap<>(Channel.class);
  private final ArrayDeque<Ping> pings = new ArrayDeque<>();
  private final SocketWaiter waiter;
  private final Set<Channel> watchedForRoom = EnumSet.noneOf(Channel.class);
  private ZMQ.Socket heartbeat;
  private Ping pingInFlight;
  private boolean running = true;

  /**
   * Takes over sockets made by the opening thread; {@link Thread#start()} on the I/O thread is the
   * memory barrier JeroMQ asks for when sockets change threads.
   */
  ClientIoLoop(
      ConnectionInfo info,
      WireCodec codec,
      ZContext context,
      SocketWaiter waiter,
      Mailbox<Command> mailbox,
      Map<Channel, ZMQ.Socket> sockets,
      ZMQ.Socket heartbeat,
      Map<Channel, Inbox> inboxes) {
    this.info = info;
    this.codec = codec;
    this.context = context;
    this.waiter = waiter;
    this.mailbox = mailbox;
    this.sockets = sockets;
    this.heartbeat = heartbeat;
    this.inboxes = inboxes;
    for (Channel channel : sockets.keySet()) {
      backlog.put(channel, new ArrayDeque<>());
    }
  }

  @Override
  public void run() {
    try {
      sockets.forEach((channel, socket) -> waiter.register(socket));
      waiter.register(heartbeat);
      while (running) {
        watchForRoom();
        waiter.await(pollTimeoutMillis());
        for (Command command : mailbox.drain()) {
          handle(command);
        }
        for (Channel channel : sockets.keySet()) {
          receiveAll(channel);
          if (!backlog.get(channel).isEmpty()) {
            flushBacklog(channel);
          }
        }
        if ((heartbeat.getEvents() & ZMQ.Poller.POLLIN) != 0) {
          heartbeatReplied();
        }
        expirePing();
      }
    } catch (RuntimeException e) {
      LOG.error("kernel connection I/O thread failed; the connection is unusable", e);
    } finally {
      shutdown();
    }
  }

  private void handle(Command command) {
    if (command instanceof Outgoing outgoing) {
      send(outgoing);
    } else if (command instanceof Ping ping) {
      pings.addLast(ping);
      startNextPing();
    } else if (command instanceof Stop) {
      running = false;
    }
  }

  private void send(Outgoing outgoing) {
    ArrayDeque<List<byte[]>> waiting = backlog.get(outgoing.channel());
    if (!waiting.isEmpty()
        || !Sockets.sendFrames(sockets.get(outgoing.channel()), outgoing.frames(), ZMQ.DONTWAIT)) {
      waiting.addLast(outgoing.frames());
      if (waiting.size() == 1) {
        LOG.debug("{} socket is full; waiting until it can send", outgoing.channel().wireName());
      }
    }
  }

  private void flushBacklog(Channel channel) {
    ArrayDeque<List<byte[]>> waiting = backlog.get(channel);
    while (!waiting.isEmpty()
        && Sockets.sendFrames(sockets.get(channel), waiting.peekFirst(), ZMQ.DONTWAIT)) {
      waiting.removeFirst();
    }
  }

  private void receiveAll(Channel channel) {
    ZMQ.Socket socket = sockets.get(channel);
    for (int i = 0; i < MAX_READS_PER_WAKE_UP; i++) {
      List<byte[]> frames = Sockets.receiveFrames(socket, ZMQ.DONTWAIT);
      if (frames.isEmpty()) {
        return;
      }
      try {
        inboxes.get(channel).add(codec.decode(frames));
      } catch (InvalidMessageException e) {
        LOG.warn(
            "dropped invalid message on {} ({}): {}",
            channel.wireName(),
            e.reason(),
            e.getMessage());
      }
    }
  }

  private void startNextPing() {
    while (pingInFlight == null && !pings.isEmpty()) {
      Ping ping = pings.removeFirst();
      if (System.nanoTime() - ping.deadlineNanos() >= 0) {
        ping.result().complete(false);
      } else if (heartbeat.send(PING, ZMQ.DONTWAIT)) {
        pingInFlight = ping;
      } else {
        ping.result().complete(false);
        resetHeartbeat();
      }
    }
  }

  private void heartbeatReplied() {
    List<byte[]> reply = Sockets.receiveFrames(heartbeat, ZMQ.DONTWAIT);
    if (!reply.isEmpty() && pingInFlight != null) {
      pingInFlight.result().complete(true);
      pingInFlight = null;
      startNextPing();
    }
  }

  private void expirePing() {
    if (pingInFlight != null && System.nanoTime() - pingInFlight.deadlineNanos() >= 0) {
      LOG.debug("heartbeat ping got no reply in time; reconnecting the heartbeat socket");
      pingInFlight.result().complete(false);
      pingInFlight = null;
      // A REQ socket that got no reply refuses to send again: start over with a new one.
      resetHeartbeat();
      startNextPing();
    }
  }

  private void resetHeartbeat() {
    waiter.unregister(heartbeat);
    heartbeat.setLinger(0);
    heartbeat.close();
    heartbeat = Sockets.connectReq(context, info.endpoint(Channel.HEARTBEAT));
    waiter.register(heartbeat);
  }

  private long pollTimeoutMillis() {
    if (pingInFlight == null) {
      return -1;
    }
    long nanos = Math.max(0, pingInFlight.deadlineNanos() - System.nanoTime());
    return TimeUnit.NANOSECONDS.toMillis(nanos + TimeUnit.MILLISECONDS.toNanos(1) - 1);
  }

  /** Sockets with messages waiting to be sent are also watched for room to send them. */
  private void watchForRoom() {
    for (Map.Entry<Channel, ZMQ.Socket> entry : sockets.entrySet()) {
      Channel channel = entry.getKey();
      boolean waiting = !backlog.get(channel).isEmpty();
      if (waiting != watchedForRoom.contains(channel)) {
        waiter.register(
            entry.getValue(), waiting ? ZMQ.Poller.POLLIN | ZMQ.Poller.POLLOUT : ZMQ.Poller.POLLIN);
        if (waiting) {
          watchedForRoom.add(channel);
        } else {
          watchedForRoom.remove(channel);
        }
      }
    }
  }

  private void shutdown() {
    running = false;
    if (pingInFlight != null) {
      pingInFlight.result().complete(false);
    }
    pings.forEach(ping -> ping.result().complete(false));
    backlog.forEach(
        (channel, waiting) -> {
          if (!waiting.isEmpty()) {
            LOG.warn("closing with {} unsent {} messages", waiting.size(), channel.wireName());
          }
        });
    inboxes.values().forEach(Inbox::close);
    try {
      waiter.close();
      heartbeat.setLinger(0);
      heartbeat.close();
      sockets.values().forEach(ZMQ.Socket::close);
      mailbox.close();
    } finally {
      // Waits at most the sockets' linger for queued messages to leave.
      context.close();
    }
  }
}
