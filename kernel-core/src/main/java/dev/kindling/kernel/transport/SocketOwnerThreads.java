package dev.kindling.kernel.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Starting a thread that creates and binds its own sockets (JeroMQ sockets stay on one thread). */
public final class SocketOwnerThreads {

  private SocketOwnerThreads() {}

  /**
   * Starts {@code thread} and waits until it completes {@code bound}: normally once its sockets are
   * bound, exceptionally (with a message naming the endpoint) when binding failed.
   *
   * @throws IllegalStateException when binding failed or the caller was interrupted
   */
  public static void startAndAwaitBinding(
      Thread thread, CompletableFuture<Void> bound, Object endpoints) {
    thread.start();
    try {
      bound.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding " + endpoints, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }
}
