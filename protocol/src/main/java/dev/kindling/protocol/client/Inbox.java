package dev.kindling.protocol.client;

import dev.kindling.protocol.Message;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The received messages of one channel, oldest first. Unlike a plain blocking queue, a reader can
 * take the first message that matches a condition (the reply to its request) and leave every other
 * message queued, in order, for other readers. Thread-safe.
 */
final class Inbox {

  private final Consumer<Message> listener;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Message> messages = new ArrayDeque<>();
  private boolean closed;

  /** An inbox that queues messages for {@link #take}. */
  Inbox() {
    this(null);
  }

  /**
   * An inbox that hands each message to {@code listener} (on the adding thread) instead of queueing
   * it; {@link #take} then never finds anything. A null listener queues.
   */
  Inbox(Consumer<Message> listener) {
    this.listener = listener;
  }

  /** Queues a received message and wakes the readers, or hands it to the listener. */
  void add(Message message) {
    if (listener != null) {
      listener.accept(message);
      return;
    }
    lock.lock();
    try {
      messages.addLast(message);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes and returns the oldest message that matches, waiting up to {@code timeout} for one.
   * After {@link #close()} it still returns matching messages that were queued, but no longer
   * waits.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  Optional<Message> take(Predicate<Message> wanted, Duration timeout) throws InterruptedException {
    long remaining = toNanos(timeout);
    lock.lockInterruptibly();
    try {
      while (true) {
        Iterator<Message> it = messages.iterator();
        while (it.hasNext()) {
          Message message = it.next();
          if (wanted.test(message)) {
            it.remove();
            return Optional.of(message);
          }
        }
        if (closed || remaining <= 0) {
          return Optional.empty();
        }
        remaining = changed.awaitNanos(remaining);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Stops readers from waiting for more messages. */
  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static long toNanos(Duration timeout) {
    if (timeout.isNegative()) {
      return 0;
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return TimeUnit.DAYS.toNanos(365 * 100);
    }
  }
}
