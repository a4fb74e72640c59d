package dev.kindling.kernel.cli;

import dev.kindling.protocol.Json;
import dev.kindling.protocol.Signer;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Initialises, on a second core, the libraries every kernel needs before its first reply: Jackson,
 * logging (log4j reads its configuration) and the HMAC provider. The main thread meanwhile parses
 * the command line; picocli's classes are Java 5 bytecode, which the class-data archive cannot hold
 * and the JVM verifies slowly, so the two overlap well. Each step only initialises classes, which
 * the JVM makes safe when the main thread needs the same class at the same moment: it then waits
 * for the initialisation in progress instead of repeating it.
 */
final class StartupWarmUp {

  private StartupWarmUp() {}

  /** Starts the warm-up on a daemon thread and returns at once. */
  static void startInBackground() {
    Thread thread = new Thread(StartupWarmUp::run, "kindling-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      // In the order the kernel needs them: the connection file (JSON), then logging.
      byte[] json = Json.MAPPER.writeValueAsBytes(Json.object().put("warm", "up"));
      Json.MAPPER.readTree(json);
      LoggerFactory.getLogger(StartupWarmUp.class).debug("warmed up");
      new Signer("warm-up", "hmac-sha256").sign(List.of(json));
    } catch (Exception | LinkageError e) {
      // Only a head start: the kernel reports any real problem when it uses these itself.
    }
  }
}
