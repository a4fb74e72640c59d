package dev.kindling.kernel.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.MimeBundle;
import dev.kindling.kernel.context.Bundles;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one progress display of a cell: a {@code display_data} with a display id when its first job
 * starts, then {@code update_display_data} at most every {@link #MIN_INTERVAL_NANOS}, always
 * parented to the cell's request (the listener bus thread that reports progress belongs to no
 * cell). {@link #finish()} publishes the final state at once. Thread-safe.
 */
final class ProgressDisplay {

  /** About four updates per second at most. */
  static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final Message parent;
  private final CellProgress progress;
  private final Iopub iopub;
  private final MessageFactory messages;
  private final ScheduledExecutorService timer;
  private final String displayId = UUID.randomUUID().toString().replace("-", "");
  private boolean shown;
  private long lastPublished;
  private ScheduledFuture<?> pending;
  private ProgressSnapshot lastSnapshot;
  private boolean finished;

  ProgressDisplay(
      Message parent,
      CellProgress progress,
      Iopub iopub,
      MessageFactory messages,
      ScheduledExecutorService timer) {
    this.parent = parent;
    this.progress = progress;
    this.iopub = iopub;
    this.messages = messages;
    this.timer = timer;
  }

  /** The cell's Spark work changed: show it now, or soon if the last update was very recent. */
  synchronized void changed() {
    if (pending != null || finished) {
      return;
    }
    long wait = lastPublished + MIN_INTERVAL_NANOS - System.nanoTime();
    if (!shown || wait <= 0) {
      publish(progress.snapshot());
    } else {
      pending = timer.schedule(this::publishPending, wait, TimeUnit.NANOSECONDS);
    }
  }

  private synchronized void publishPending() {
    pending = null;
    if (finished) {
      return; // the timer fired while finish() held the lock: the final state stays the last one
    }
    publish(progress.snapshot());
  }

  /** Publishes the cell's final state now, if the cell ran any Spark job. */
  synchronized void finish() {
    finished = true;
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    if (progress.hasJobs()) {
      publish(progress.finalSnapshot());
    }
  }

  private void publish(ProgressSnapshot snapshot) {
    if (shown && snapshot.equals(lastSnapshot)) {
      return;
    }
    MimeBundle bundle = ProgressBundle.of(snapshot);
    ObjectNode content = Bundles.put(Json.object(), bundle);
    content.putObject("transient").put("display_id", displayId);
    iopub.publish(
        messages.broadcast(parent, shown ? "update_display_data" : "display_data", content));
    shown = true;
    lastSnapshot = snapshot;
    lastPublished = System.nanoTime();
  }
}
