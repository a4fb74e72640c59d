package dev.kindling.kernel.logging;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a kernel's logging after its first reply.
 *
 * <p>log4j's own start (looking for its plugins and property files in every jar of the class path,
 * then reading its configuration) takes 150-250 ms of CPU. A kernel that did it while starting up
 * answered its first request about 0.1 s later on two cores (docs/performance.md, "Logging after
 * the first reply"). So a kernel process binds SLF4J to {@link DeferredLog4jProvider}: loggers
 * handed out before logging has started keep what is logged in memory; once the kernel has answered
 * its first request, or {@link #LONGEST_DEFERRAL} after the binding at the latest, a thread of its
 * own starts log4j, writes the kept messages in their order and hands every logger over to log4j.
 *
 * <p>Two rules for the kernel's code: whatever starts Spark calls {@link #awaitStarted()} first
 * (Spark looks at the logger factory SLF4J hands out and must see log4j's), and a process about to
 * exit calls {@link #flush()}, so that no kept message is lost.
 *
 * <p>Outside a kernel process (tests, other commands) SLF4J binds as usual and every method here
 * returns at once.
 */
public final class StartupLogging {

  /** SLF4J's system property naming its provider. */
  static final String PROVIDER_PROPERTY = "slf4j.provider";

  /** SLF4J's system property for the level of its own reports on stderr. */
  static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

  /** Logging starts this long after the binding even if the kernel has not asked for it. */
  static final Duration LONGEST_DEFERRAL = Duration.ofSeconds(2);

  /** Longer than log4j ever takes to start; nothing waits on a stuck start for good. */
  private static final Duration LONGEST_START = Duration.ofSeconds(30);

  private static final CountDownLatch startRequested = new CountDownLatch(1);
  private static final CountDownLatch started = new CountDownLatch(1);
  private static volatile boolean deferring;

  private StartupLogging() {}

  /**
   * Makes this process bind SLF4J to {@link DeferredLog4jProvider}, unless the user named a
   * provider. Call it before anything uses SLF4J; later, it has no effect.
   */
  public static void deferInThisProcess() {
    if (System.getProperty(PROVIDER_PROPERTY) == null) {
      System.setProperty(PROVIDER_PROPERTY, DeferredLog4jProvider.class.getName());
      // SLF4J announces a provider named by property on stderr at its INFO level; its warnings
      // and errors still show.
      if (System.getProperty(VERBOSITY_PROPERTY) == null) {
        System.setProperty(VERBOSITY_PROPERTY, "WARN");
      }
    }
  }

  /** The kernel has answered its first request (or is about to exit): start logging now. */
  public static void start() {
    startRequested.countDown();
  }

  /**
   * Waits until log4j has started and the kept messages are written; binds SLF4J first if nothing
   * has yet. Returns at once when logging is not deferred in this process.
   */
  public static void awaitStarted() throws InterruptedException {
    LoggerFactory.getILoggerFactory();
    if (deferring) {
      started.await(LONGEST_START.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Starts logging and waits for it: for a process about to exit. */
  public static void flush() {
    start();
    try {
      awaitStarted();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Called once, by the provider's {@code initialize}: starts the thread that hands {@code
   * deferred}'s loggers over to {@code log4j}'s factory once logging may start.
   */
  static void deferUntilStarted(DeferredLoggerFactory deferred, Supplier<ILoggerFactory> log4j) {
    deferring = true;
    Thread thread = new Thread(() -> handOver(deferred, log4j), "kindling-logging-start");
    thread.setDaemon(true);
    thread.start();
  }

  private static void handOver(DeferredLoggerFactory deferred, Supplier<ILoggerFactory> log4j) {
    try {
      startRequested.await(LONGEST_DEFERRAL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // start now
    }
    try {
      ILoggerFactory target = log4j.get();
      target.getLogger(Logger.ROOT_LOGGER_NAME); // log4j finds and reads its configuration here
      deferred.handOver(target, new Log4jKeptWriter());
    } catch (RuntimeException | LinkageError e) {
      System.err.println("kindling: logging could not start: " + e);
      deferred.handOver(new org.slf4j.helpers.NOPLoggerFactory());
    } finally {
      started.countDown();
    }
  }
}
