package dev.kindling.kernel;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shuts the kernel down when the process that launched it ({@code JPY_PARENT_PID}, set by
 * jupyter_client) ends, so no kernel outlives its front end. Event-driven: no polling.
 */
final class ParentProcessWatcher {

  private static final Logger log = LoggerFactory.getLogger(ParentProcessWatcher.class);

  private ParentProcessWatcher() {}

  static void watch(String parentPid, Runnable shutdown) {
    if (parentPid == null || parentPid.isBlank()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(parentPid.trim());
    } catch (NumberFormatException e) {
      log.warn("Ignoring JPY_PARENT_PID '{}': not a process id", parentPid);
      return;
    }
    if (pid <= 1) {
      return;
    }
    Optional<ProcessHandle> parent = ProcessHandle.of(pid);
    if (parent.isEmpty()) {
      log.warn("Parent process {} is already gone; shutting down", pid);
      shutdown.run();
      return;
    }
    parent
        .get()
        .onExit()
        .thenRun(
            () -> {
              log.warn("Parent process {} ended; shutting down", pid);
              shutdown.run();
            });
  }
}
