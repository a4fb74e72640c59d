package dev.kindling.protocol.zmq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Hands items from any thread to the one thread that owns a group of ZeroMQ sockets, so that the
 * owner can wait on its sockets and on this mailbox together: in a {@link SocketWaiter} that a post
 * wakes up (the cheap way, {@link #Mailbox(String, SocketWaiter)}), or in a {@link ZMQ.Poller} on
 * the wake-up socket described below.
 *
 * <p>Posting threads never touch a socket or an interruptible channel: {@link #post} only adds the
 * item to a queue and releases a semaphore, so it never blocks and works from a thread that has
 * been {@link Thread#interrupt() interrupted} (JeroMQ sockets and NIO channels break under
 * interrupts). A private daemon relay thread owns an {@code inproc} PUSH socket and sends a
 * one-byte wake-up per batch of posted items to the PULL socket returned by {@link
 * #wakeupSocket()}, which the owner registers for {@link ZMQ.Poller#POLLIN}. When it is readable
 * the owner calls {@link #drain()}.
 *
 * <p>Threading: {@link #post} is safe from any thread; {@link #wakeupSocket()}, {@link #drain()}
 * and {@link #close()} belong to the owner thread (or to a thread that takes over after the owner
 * has stopped). Items posted by one thread come out in the order posted.
 *
 * @param <T> the type of item handed over
 */
public final class Mailbox<T> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final byte[] WAKE_UP = {1};

  private final String name;
  private final LinkedBlockingQueue<T> items = new LinkedBlockingQueue<>();
  private final Semaphore relaySignal = new Semaphore(0);
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ZMQ.Socket pull;
  private final Thread relay;
  private final SocketWaiter waiter;

  /**
   * Creates the mailbox and starts its relay thread.
   *
   * @param context the context of the owner's sockets ({@code inproc} works only within one)
   * @param name a short name for the relay thread and the endpoint, for diagnostics
   */
  public Mailbox(ZContext context, String name) {
    this.name = Objects.requireNonNull(name, "name");
    this.waiter = null;
    String endpoint = "inproc://kindling-mailbox-" + name + "-" + COUNTER.incrementAndGet();
    pull = context.createSocket(SocketType.PULL);
    pull.setLinger(0);
    pull.bind(endpoint);
    ZMQ.Socket push = context.createSocket(SocketType.PUSH);
    push.setLinger(0);
    push.connect(endpoint);
    // The PUSH socket is created here but used only by the relay thread from now on;
    // Thread.start() is the memory barrier JeroMQ asks for when a socket changes threads.
    relay = new Thread(() -> relay(push), "kindling-mailbox-" + name);
    relay.setDaemon(true);
    relay.start();
  }

  /**
   * Creates a mailbox whose posts wake up {@code waiter}, in which the owner thread sleeps; no
   * relay thread and no sockets. {@link #wakeupSocket()} is not available.
   */
  public Mailbox(String name, SocketWaiter waiter) {
    this.name = Objects.requireNonNull(name, "name");
    this.waiter = Objects.requireNonNull(waiter, "waiter");
    this.pull = null;
    this.relay = null;
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
    if (waiter != null) {
      waiter.wakeUp();
      return;
    }
    // One wake-up per batch: only the first post after the relay's last wake-up signals it.
    if (wakeUpPending.compareAndSet(false, true)) {
      relaySignal.release();
    }
  }

  /**
   * The PULL socket that becomes readable when items are waiting. Only the owner thread may use it,
   * and only to register it in a poller: read it through {@link #drain()}.
   */
  public ZMQ.Socket wakeupSocket() {
    if (pull == null) {
      throw new IllegalStateException("mailbox " + name + " wakes a SocketWaiter instead");
    }
    return pull;
  }

  /**
   * Consumes pending wake-ups without blocking and returns every item posted so far, oldest first.
   * Owner thread only. May return an empty list (a wake-up can outlive the items it announced).
   */
  public List<T> drain() {
    // Wake-ups first, then items: a wake-up that arrives after this loop announces items that the
    // next drain will see, so none can be stranded without a wake-up.
    while (pull != null && !closed.get() && pull.recv(ZMQ.DONTWAIT) != null) {
      // discard
    }
    List<T> drained = new ArrayList<>(items.size());
    items.drainTo(drained);
    return drained;
  }

  /** Stops the relay thread and closes both sockets; idempotent. Owner thread only. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (relay == null) {
      items.clear();
      return;
    }
    relaySignal.release();
    boolean interrupted = false;
    try {
      relay.join(1000);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (relay.isAlive()) {
      LOG.warn("relay thread of mailbox {} did not stop", name);
    }
    pull.close();
    items.clear();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void relay(ZMQ.Socket push) {
    try {
      while (true) {
        relaySignal.acquireUninterruptibly();
        if (closed.get()) {
          return;
        }
        // Clear the flag before sending: a post that comes after this line signals again, and
        // its item is queued before that signal, so the owner always gets a wake-up after it.
        wakeUpPending.set(false);
        // DONTWAIT: if the pipe is full the owner has plenty of unread wake-ups already.
        push.send(WAKE_UP, ZMQ.DONTWAIT);
      }
    } catch (RuntimeException e) {
      if (!closed.get()) {
        LOG.error("relay thread of mailbox {} failed", name, e);
      }
    } finally {
      push.close();
    }
  }
}
