package dev.kindling.kernel;

import dev.kindling.kernel.logging.StartupLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a kernel process from start to exit. */
public final class KernelLauncher {

  private KernelLauncher() {}

  /**
   * Starts the kernel, watches the parent process, and returns the exit code once it has shut down.
   */
  public static int run(KernelOptions options) throws InterruptedException {
    Logger log = LoggerFactory.getLogger(KernelLauncher.class);
    KernelServer server = new KernelServer(options);
    try {
      server.start();
    } catch (RuntimeException e) {
      log.error("Kernel failed to start: {}", e.getMessage(), e);
      return 1;
    }
    ParentProcessWatcher.watch(System.getenv("JPY_PARENT_PID"), server::shutdown);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdown();
                  StartupLogging.flush(); // a kernel stopped before logging started
                },
                "kindling-exit"));
    server.awaitShutdown();
    return 0;
  }
}
