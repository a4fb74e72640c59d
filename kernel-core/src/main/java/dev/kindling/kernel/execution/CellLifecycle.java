package dev.kindling.kernel.execution;

import dev.kindling.api.ExecutionRequest;

/**
 * Work the kernel does around each executed cell, on the cell's thread: the Spark runtime gives the
 * cell its job group and, when the cell ends, publishes the final state of its progress display
 * (before the cell's result and reply).
 */
public interface CellLifecycle {

  /** Does nothing. */
  CellLifecycle NONE = request -> () -> {};

  /** The cell is about to run; closing the returned scope says it has ended. */
  Scope starting(ExecutionRequest request);

  /** A running cell. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
