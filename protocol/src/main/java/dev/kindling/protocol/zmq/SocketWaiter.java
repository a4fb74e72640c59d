package dev.kindling.protocol.zmq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zeromq.ZMQ;

/**
 * Lets the one thread that owns some ZeroMQ sockets sleep until one of them has a message to read
 * or another thread {@link #wakeUp() wakes it up}: one NIO selector, on which each socket's
 * notification channel ({@code ZMQ_FD}) is registered once.
 *
 * <p>It replaces JeroMQ's {@link ZMQ.Poller}, which registers and cancels every socket's channel on
 * the selector at each call, selects twice and checks every socket twice: in JFR profiles of the
 * kernel that was 80–90 % of the CPU of each socket thread (shell, IOPub, the connection to a
 * PySpark child). {@code ZMQ_FD} only says that something may have happened, so a socket is ready
 * when its {@code ZMQ_EVENTS} has {@code POLLIN}; that is checked before every sleep, which is what
 * keeps edge-triggered notification from losing a message.
 *
 * <p>Threading: {@link #wakeUp()} is safe from any thread, also an interrupted one (it writes to
 * the selector's own pipe, not to an interruptible channel); everything else belongs to the owner
 * thread.
 */
public final class SocketWaiter implements AutoCloseable {

  private final Selector selector;

  /** The registered sockets, in order of registration. */
  private final Map<ZMQ.Socket, Watch> watched = new LinkedHashMap<>();

  /** A socket's key on the selector and the events it is watched for (POLLIN, POLLOUT). */
  private record Watch(SelectionKey key, int events) {}

  public SocketWaiter() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
  }

  /** Watches {@code socket} for messages to read, from now on. Owner thread only. */
  public void register(ZMQ.Socket socket) {
    register(socket, ZMQ.Poller.POLLIN);
  }

  /**
   * Watches {@code socket} for {@code events} ({@link ZMQ.Poller#POLLIN}, {@link
   * ZMQ.Poller#POLLOUT} or both), from now on; registering it again changes them. Owner thread
   * only.
   */
  public void register(ZMQ.Socket socket, int events) {
    Watch watch = watched.get(socket);
    if (watch != null) {
      watched.put(socket, new Watch(watch.key(), events));
      return;
    }
    SelectableChannel channel = socket.getFD();
    try {
      watched.put(socket, new Watch(channel.register(selector, SelectionKey.OP_READ), events));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch a ZeroMQ socket", e);
    }
  }

  /** Stops watching {@code socket} (also when it is already closed). Owner thread only. */
  public void unregister(ZMQ.Socket socket) {
    Watch watch = watched.remove(socket);
    if (watch != null) {
      watch.key().cancel();
    }
  }

  /** The sockets registered now. Owner thread only. */
  public java.util.Set<ZMQ.Socket> sockets() {
    return java.util.Set.copyOf(watched.keySet());
  }

  /**
   * Returns at once when a registered socket has a message to read (or room to write, if watched
   * for that); otherwise sleeps until one may have, until {@link #wakeUp()} is called (or was
   * called since the last sleep), or for at most {@code timeoutMillis} (negative: no limit). The
   * caller then reads its sockets without blocking and takes what it was woken up for. Owner thread
   * only.
   */
  public void await(long timeoutMillis) {
    for (Map.Entry<ZMQ.Socket, Watch> entry : watched.entrySet()) {
      if ((entry.getKey().getEvents() & entry.getValue().events()) != 0) {
        return;
      }
    }
    try {
      if (timeoutMillis < 0) {
        selector.select();
      } else if (timeoutMillis == 0) {
        selector.selectNow();
      } else {
        selector.select(timeoutMillis);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("waiting on ZeroMQ sockets failed", e);
    }
    selector.selectedKeys().clear();
  }

  /** Ends the owner's current or next {@link #await}. Any thread. */
  public void wakeUp() {
    selector.wakeup();
  }

  /** Closes the selector; the sockets stay open. Owner thread only. */
  @Override
  public void close() {
    try {
      selector.close();
    } catch (IOException e) {
      // Nothing is left to release.
    }
  }
}
