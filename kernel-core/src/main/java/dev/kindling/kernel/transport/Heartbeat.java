package dev.kindling.kernel.transport;

import dev.kindling.protocol.zmq.Sockets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Echoes heartbeat pings unchanged, on its own thread and its own ZeroMQ context, so neither a busy
 * kernel nor garbage collection in other threads' sockets delays the answer.
 */
public final class Heartbeat implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

  private final ZContext context = new ZContext(1);
  private final String endpoint;
  private final CompletableFuture<Void> bound = new CompletableFuture<>();
  private final Thread thread;

  public Heartbeat(String endpoint) {
    this.endpoint = endpoint;
    this.thread = new Thread(this::run, "kindling-heartbeat");
    this.thread.setDaemon(true);
  }

  /** Binds the socket and starts echoing; throws if the port cannot be bound. */
  public void start() {
    SocketOwnerThreads.startAndAwaitBinding(thread, bound, endpoint);
  }

  private void run() {
    ZMQ.Socket socket;
    try {
      socket = Sockets.bindHeartbeat(context, endpoint);
    } catch (RuntimeException e) {
      bound.completeExceptionally(e);
      return;
    }
    bound.complete(null);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        List<byte[]> frames = Sockets.receiveFrames(socket, 0);
        if (frames.isEmpty()) {
          break; // context closed
        }
        for (int i = 0; i < frames.size(); i++) {
          socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
      }
    } catch (RuntimeException e) {
      log.debug("Heartbeat stopped: {}", e.toString());
    } finally {
      socket.close();
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
