package dev.kindling.kernel.cli;

import dev.kindling.protocol.Json;
import dev.kindling.protocol.Signer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Initialises, on a second core, the libraries every kernel needs before its first reply: SLF4J's
 * binding, Jackson and the HMAC provider, while the main thread parses the command line. (log4j
 * itself starts after the first reply, see {@link dev.kindling.kernel.logging.StartupLogging}.)
 * Each step only initialises classes, which the JVM makes safe when the main thread needs the same
 * class at the same moment: it then waits for the initialisation in progress instead of repeating
 * it.
 *
 * <p>The binding is the exception: while SLF4J binds, it hands other threads stand-in loggers whose
 * messages are lost, with a warning on stderr. So nothing may log until the binding is done (a few
 * milliseconds): the warm-up binds SLF4J first, and the kernel calls {@link #awaitLogging()} before
 * it starts its threads.
 */
final class StartupWarmUp {

  /** Longer than logging ever takes to start; a kernel never waits on a stuck warm-up for good. */
  private static final long LOGGING_WAIT_SECONDS = 30;

  private static final CountDownLatch loggingReady = new CountDownLatch(1);
  private static volatile boolean started;

  private StartupWarmUp() {}

  /** Starts the warm-up on a daemon thread and returns at once. */
  static void startInBackground() {
    started = true;
    Thread thread = new Thread(StartupWarmUp::run, "kindling-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Waits until the warm-up has bound SLF4J, if it was started (it does so first, so this rarely
   * waits); returns at once otherwise.
   */
  static void awaitLogging() throws InterruptedException {
    if (started) {
      loggingReady.await(LOGGING_WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private static void run() {
    try {
      // SLF4J binds first, so that the main thread never waits for it (see awaitLogging); then in
      // the order the kernel needs them: the connection file (JSON), HMAC.
      bindLogging();
      byte[] json = Json.MAPPER.writeValueAsBytes(Json.object().put("warm", "up"));
      Json.MAPPER.readTree(json);
      new Signer("warm-up", "hmac-sha256").sign(List.of(json));
    } catch (Exception | LinkageError e) {
      // Only a head start: the kernel reports any real problem when it uses these itself.
    }
  }

  /** Binds SLF4J to its provider; the loggers it hands out from then on are never stand-ins. */
  private static void bindLogging() {
    try {
      LoggerFactory.getILoggerFactory();
    } finally {
      loggingReady.countDown();
    }
  }
}
