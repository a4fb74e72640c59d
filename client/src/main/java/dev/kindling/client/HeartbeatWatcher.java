package dev.kindling.client;

import dev.kindling.protocol.client.KernelConnection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings the kernel's heartbeat every period on its own thread and tells a listener (on the callback
 * thread) when {@code missesForLoss} pings in a row went unanswered, and when pings are answered
 * again.
 */
final class HeartbeatWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWatcher.class);

  private final KernelConnection connection;
  private final Duration period;
  private final int missesForLoss;
  private final HeartbeatListener listener;
  private final CallbackThread callbacks;
  private final ScheduledExecutorService timer;
  private int misses;
  private boolean lost;

  HeartbeatWatcher(
      KernelConnection connection,
      Duration period,
      int missesForLoss,
      HeartbeatListener listener,
      CallbackThread callbacks,
      String threadName) {
    this.connection = connection;
    this.period = period;
    this.missesForLoss = missesForLoss;
    this.listener = listener;
    this.callbacks = callbacks;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            work -> {
              Thread thread = new Thread(work, threadName);
              thread.setDaemon(true);
              return thread;
            });
  }

  void start() {
    timer.scheduleWithFixedDelay(this::beat, 0, period.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void beat() {
    boolean answered = connection.ping(period);
    if (Thread.currentThread().isInterrupted()) {
      return; // closing
    }
    if (answered) {
      misses = 0;
      if (lost) {
        lost = false;
        LOG.info("kernel heartbeat is back");
        callbacks.execute(listener::recovered);
      }
    } else if (++misses >= missesForLoss && !lost) {
      lost = true;
      LOG.warn("kernel heartbeat lost ({} pings unanswered)", misses);
      callbacks.execute(listener::lost);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      if (!timer.awaitTermination(period.toMillis() + 2000, TimeUnit.MILLISECONDS)) {
        LOG.warn("heartbeat thread did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
