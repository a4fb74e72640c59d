package dev.kindling.kernel.iopub;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waits that an interrupt of the waiting thread must not cut short. */
public final class Waiting {

  private Waiting() {}

  /**
   * Waits for {@code future}, keeping the thread's interrupt status for its caller instead of
   * giving up: the kernel's own bookkeeping (flushing output, sending a reply) must finish even
   * when the user's cell was interrupted.
   */
  public static <T> T awaitUninterruptibly(CompletableFuture<T> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
