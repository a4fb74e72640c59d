package dev.kindling.kernel.spark;

import dev.kindling.protocol.Message;
import java.util.Optional;

/**
 * One executed cell as Spark sees it: its job group and tag (both {@code kindling-cell-N}), the
 * request its outputs are parented to, and its progress.
 */
final class CellRun {

  private final long number;
  private final Message parent;
  private final CellProgress progress;
  private final Optional<ProgressDisplay> display;

  CellRun(long number, Message parent, CellProgress progress, Optional<ProgressDisplay> display) {
    this.number = number;
    this.parent = parent;
    this.progress = progress;
    this.display = display;
  }

  /** The job group id and job tag of this cell's Spark jobs. */
  String jobGroup() {
    return "kindling-cell-" + number;
  }

  String description() {
    return "Kindling cell " + number;
  }

  Message parent() {
    return parent;
  }

  CellProgress progress() {
    return progress;
  }

  /** Called on the listener bus thread after each change to {@link #progress()}. */
  void progressChanged() {
    display.ifPresent(ProgressDisplay::changed);
  }

  /** Publishes the final progress state (if this cell has a display). */
  void finish() {
    display.ifPresent(ProgressDisplay::finish);
  }
}
