package dev.kindling.kernel.cli;

import dev.kindling.protocol.Json;
import dev.kindling.protocol.Signer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Initialises, on a second core, the libraries every kernel needs before its first reply: Jackson,
 * logging (SLF4J binds to log4j, which reads its configuration) and the HMAC provider, while the
 * main thread parses the command line. Each step only initialises classes, which the JVM makes safe
 * when the main thread needs the same class at the same moment: it then waits for the
 * initialisation in progress instead of repeating it.
 *
 * <p>Logging is the exception: while SLF4J binds, it hands other threads stand-in loggers, records
 * what they log and then prints a warning about those messages on stderr. So nothing may log until
 * the binding is done: the kernel calls {@link #awaitLogging()} before it starts its threads.
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

  /** Waits until the warm-up has started logging, if it was started; returns at once otherwise. */
  static void awaitLogging() throws InterruptedException {
    if (started) {
      loggingReady.await(LOGGING_WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private static void run() {
    try {
      // In the order the kernel needs them: the connection file (JSON), then logging.
      byte[] json = Json.MAPPER.writeValueAsBytes(Json.object().put("warm", "up"));
      Json.MAPPER.readTree(json);
      startLogging();
      new Signer("warm-up", "hmac-sha256").sign(List.of(json));
    } catch (Exception | LinkageError e) {
      // Only a head start: the kernel reports any real problem when it uses these itself.
    } finally {
      loggingReady.countDown();
    }
  }

  private static void startLogging() {
    try {
      LoggerFactory.getLogger(StartupWarmUp.class);
    } finally {
      loggingReady.countDown();
    }
  }
}
