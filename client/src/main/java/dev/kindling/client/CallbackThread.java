package dev.kindling.client;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread per client that routes received messages and runs every user callback, in the
 * order work was handed to it. The I/O thread only queues here, so a slow callback delays other
 * callbacks but never the sockets. A callback that throws is logged and the thread carries on.
 */
final class CallbackThread implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackThread.class);
  private static final Runnable STOP = () -> {};

  private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean stopping;

  CallbackThread(String name) {
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues work; after {@link #stop()} it is dropped. */
  @Override
  public void execute(Runnable work) {
    if (!stopping) {
      queue.add(work);
    }
  }

  /** Whether the calling thread is this callback thread. */
  boolean isCurrent() {
    return Thread.currentThread() == thread;
  }

  /** Runs what is queued so far, then ends the thread; waits up to {@code millis} for that. */
  void stop(long millis) {
    stopping = true;
    queue.add(STOP);
    if (isCurrent()) {
      return; // closed from a callback: the thread ends when that callback returns
    }
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn(
          "callback thread {} is still busy in a callback; it ends after it", thread.getName());
    }
  }

  private void run() {
    while (true) {
      Runnable work;
      try {
        work = queue.poll(1, TimeUnit.DAYS);
      } catch (InterruptedException e) {
        continue;
      }
      if (work == STOP) {
        return;
      }
      if (work == null) {
        continue;
      }
      try {
        work.run();
      } catch (RuntimeException | Error e) {
        LOG.error("a client callback failed", e);
      }
    }
  }
}
