package dev.kindling.protocol.zmq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands items from any thread to the one thread that owns a group of ZeroMQ sockets, which sleeps
 * in a {@link SocketWaiter} on its sockets and on this mailbox together: a post queues the item and
 * wakes the waiter.
 *
 * <p>Posting threads never touch a socket or an interruptible channel, so {@link #post} never
 * blocks and works from a thread that has been {@link Thread#interrupt() interrupted} (JeroMQ
 * sockets and NIO channels break under interrupts; waking a selector does not).
 *
 * <p>Threading: {@link #post} is safe from any thread; {@link #drain()} and {@link #close()} belong
 * to the owner thread (or to a thread that takes over after the owner has stopped). Items posted by
 * one thread come out in the order posted.
 *
 * @param <T> the type of item handed over
 */
public final class Mailbox<T> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);

  private final String name;
  private final SocketWaiter waiter;
  private final LinkedBlockingQueue<T> items = new LinkedBlockingQueue<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param name a short name, for diagnostics
   * @param waiter the waiter the owner thread sleeps in
   */
  public Mailbox(String name, SocketWaiter waiter) {
    this.name = Objects.requireNonNull(name, "name");
    this.waiter = Objects.requireNonNull(waiter, "waiter");
  }

  /**
   * Hands an item to the owner thread. Never blocks, never touches a socket, and works from an
   * interrupted thread (whose interrupt status is left as it was). Items posted after {@link
   * #close()} are dropped.
   */
  public void post(T item) {
    Objects.requireNonNull(item, "item");
    if (closed.get()) {
      LOG.debug("mailbox {} is closed; dropping {}", name, item);
      return;
    }
    items.offer(item);
    // Queued before the wake-up: the owner, woken, always finds it.
    waiter.wakeUp();
  }

  /**
   * Returns every item posted so far, oldest first, without blocking. Owner thread only. May return
   * an empty list (a wake-up can outlive the items it announced).
   */
  public List<T> drain() {
    List<T> drained = new ArrayList<>(items.size());
    items.drainTo(drained);
    return drained;
  }

  /** Drops what is queued; later posts are dropped too. Idempotent. Owner thread only. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      items.clear();
    }
  }
}
