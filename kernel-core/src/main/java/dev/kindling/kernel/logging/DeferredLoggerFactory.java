package dev.kindling.kernel.logging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;

/**
 * Hands out loggers that keep what is logged until {@link #handOver} gives them a real factory's
 * loggers; from then on it hands out that factory's loggers itself. At most {@link #MOST_KEPT}
 * messages are kept; a warning counts the ones dropped beyond.
 */
final class DeferredLoggerFactory implements ILoggerFactory {

  /** More than a kernel logs before its first reply, at every level. */
  static final int MOST_KEPT = 10_000;

  private final Object lock = new Object();
  private final Map<String, DeferredLogger> loggers = new LinkedHashMap<>(); // guarded by lock
  private final List<Kept> kept = new ArrayList<>(); // guarded by lock
  private int dropped; // guarded by lock
  private volatile ILoggerFactory target;

  /** One message as it was logged: by which thread, and when (epoch milliseconds). */
  record Kept(
      String loggerName,
      Level level,
      Marker marker,
      String pattern,
      Object[] arguments,
      Throwable throwable,
      String thread,
      long loggedAtMillis) {}

  /** Writes kept messages to the loggers of the factory they are handed over to. */
  @FunctionalInterface
  interface KeptWriter {

    /**
     * Through SLF4J, which cannot say when a message was logged: it is written under the name of
     * the thread that logged it (the hand-over thread takes that name meanwhile), at the time of
     * writing.
     */
    KeptWriter THROUGH_SLF4J =
        (factory, message) -> {
          Thread self = Thread.currentThread();
          String ownName = self.getName();
          self.setName(message.thread());
          try {
            DeferredLogger.write(
                factory.getLogger(message.loggerName()),
                message.level(),
                message.marker(),
                message.pattern(),
                message.arguments(),
                message.throwable());
          } finally {
            self.setName(ownName);
          }
        };

    void write(ILoggerFactory factory, Kept message);
  }

  @Override
  public Logger getLogger(String name) {
    ILoggerFactory live = target;
    if (live != null) {
      return live.getLogger(name);
    }
    synchronized (lock) {
      if (target != null) {
        return target.getLogger(name);
      }
      return loggers.computeIfAbsent(name, n -> new DeferredLogger(n, this));
    }
  }

  /** The factory loggers were handed over to, or null before that. */
  ILoggerFactory target() {
    return target;
  }

  /**
   * Keeps one message, unless the loggers have been handed over meanwhile: then it returns false
   * and the caller logs through its delegate.
   */
  boolean keep(
      DeferredLogger logger,
      Level level,
      Marker marker,
      String pattern,
      Object[] arguments,
      Throwable throwable) {
    synchronized (lock) {
      if (target != null) {
        return false;
      }
      if (kept.size() < MOST_KEPT) {
        Object[] copy = arguments == null ? null : arguments.clone();
        kept.add(
            new Kept(
                logger.getName(),
                level,
                marker,
                pattern,
                copy,
                throwable,
                Thread.currentThread().getName(),
                System.currentTimeMillis()));
      } else {
        dropped++;
      }
      return true;
    }
  }

  /**
   * Writes the kept messages, in their order, to {@code factory}'s loggers, then makes every logger
   * handed out so far, and this factory, delegate to {@code factory}. A message logged meanwhile
   * waits, so it comes after the kept ones.
   */
  void handOver(ILoggerFactory factory) {
    handOver(factory, KeptWriter.THROUGH_SLF4J);
  }

  /** As {@link #handOver(ILoggerFactory)}, writing the kept messages with {@code writer}. */
  void handOver(ILoggerFactory factory, KeptWriter writer) {
    synchronized (lock) {
      for (Kept message : kept) {
        writer.write(factory, message);
      }
      if (dropped > 0) {
        factory
            .getLogger(StartupLogging.class.getName())
            .warn("{} messages logged while the kernel started were dropped", dropped);
      }
      kept.clear();
      for (DeferredLogger logger : loggers.values()) {
        logger.delegateTo(factory.getLogger(logger.getName()));
      }
      loggers.clear();
      target = factory;
    }
  }
}
