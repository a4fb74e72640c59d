package dev.kindling.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Waits, when a client connects, until the kernel has answered a {@code kernel_info_request} and
 * IOPub is subscribed, so that no output of the first execution is missed. Kernels greet a new
 * subscriber with {@code iopub_welcome}; for one that does not, each further {@code
 * kernel_info_request} causes status messages on IOPub until one arrives.
 */
final class ReadinessCheck {

  private static final long IOPUB_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private ReadinessCheck() {}

  /**
   * @param kernelInfo sends a {@code kernel_info_request} and returns its reply's future
   * @param iopubReady completed when the first IOPub message arrives
   * @param endpoint named in the timeout message
   */
  static void await(
      Supplier<CompletableFuture<?>> kernelInfo,
      CompletableFuture<Void> iopubReady,
      long deadlineNanos,
      String endpoint)
      throws TimeoutException, InterruptedException {
    try {
      kernelInfo.get().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException("the kernel at " + endpoint + " did not answer kernel_info");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    while (!iopubReady.isDone()) {
      kernelInfo.get();
      long wait = Math.min(IOPUB_RETRY_NANOS, deadlineNanos - System.nanoTime());
      try {
        iopubReady.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        if (System.nanoTime() - deadlineNanos >= 0) {
          throw new TimeoutException("no IOPub message from the kernel at " + endpoint);
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }
}
