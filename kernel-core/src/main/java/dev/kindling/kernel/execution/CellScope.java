package dev.kindling.kernel.execution;

import java.util.Optional;

/**
 * Which cell the current thread works for. The execution thread enters a cell for each request;
 * threads it starts inherit that cell while it runs. Other threads (a library's pool, a Spark
 * listener) work for the latest cell. Thread-safe.
 */
public final class CellScope {

  private final InheritableThreadLocal<Cell> own = new InheritableThreadLocal<>();
  private volatile Cell latest;

  /** The cell the calling thread's output belongs to, if any cell has run yet. */
  public Optional<Cell> current() {
    Cell cell = own.get();
    if (cell != null && !cell.finished()) {
      return Optional.of(cell);
    }
    return Optional.ofNullable(latest);
  }

  /** Makes {@code cell} current on this thread until the returned scope is closed. */
  public Entered enter(Cell cell) {
    Cell previous = own.get();
    own.set(cell);
    latest = cell;
    return () -> {
      cell.finish();
      own.set(previous);
    };
  }

  /** An entered cell; closing it marks the cell finished. */
  public interface Entered extends AutoCloseable {
    @Override
    void close();
  }
}
