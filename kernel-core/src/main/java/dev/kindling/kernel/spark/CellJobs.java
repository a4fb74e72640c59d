package dev.kindling.kernel.spark;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.kernel.execution.Cell;
import dev.kindling.kernel.execution.CellLifecycle;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every executed cell its own Spark job group and job tag ({@code kindling-cell-N}), set as
 * local properties on the cell's thread (threads the cell starts inherit them), cancels exactly
 * that cell's jobs on interrupt, and finishes the cell's progress display when it ends.
 */
public final class CellJobs implements CellLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CellJobs.class);

  /** Local property Spark reads the job group from. */
  static final String JOB_GROUP_PROPERTY = "spark.jobGroup.id";

  /** How long a cell's end waits for Spark to report the events of its jobs. */
  private static final long LISTENER_DRAIN_MILLIS = 2000;

  private static final int REMEMBERED_CELLS = 64;

  private final CellScope scope;
  private final Supplier<Optional<SparkContext>> context;
  private final boolean progress;
  private final Iopub iopub;
  private final MessageFactory messages;
  private final ScheduledExecutorService timer;
  private final AtomicLong numbers = new AtomicLong();
  private final Map<String, CellRun> byJobGroup =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CellRun> eldest) {
              return size() > REMEMBERED_CELLS;
            }
          });
  private volatile CellRun current;

  /**
   * @param context the running SparkContext, if any
   * @param progress whether cells get progress displays
   * @param timer runs delayed progress updates
   */
  CellJobs(
      CellScope scope,
      Supplier<Optional<SparkContext>> context,
      boolean progress,
      Iopub iopub,
      MessageFactory messages,
      ScheduledExecutorService timer) {
    this.scope = scope;
    this.context = context;
    this.progress = progress;
    this.iopub = iopub;
    this.messages = messages;
    this.timer = timer;
  }

  @Override
  public Scope starting(ExecutionRequest request) {
    Message parent = scope.current().map(Cell::request).orElse(null);
    CellProgress cellProgress = new CellProgress();
    Optional<ProgressDisplay> display =
        progress && parent != null
            ? Optional.of(new ProgressDisplay(parent, cellProgress, iopub, messages, timer))
            : Optional.empty();
    CellRun run = new CellRun(numbers.incrementAndGet(), parent, cellProgress, display);
    byJobGroup.put(run.jobGroup(), run);
    current = run;
    context.get().ifPresent(sc -> tag(sc, run));
    return () -> finished(run);
  }

  private void finished(CellRun run) {
    boolean interrupted = Thread.interrupted();
    try {
      context
          .get()
          .ifPresent(
              sc -> {
                drainListenerBus(sc);
                sc.clearJobGroup();
                sc.removeJobTag(run.jobGroup());
              });
    } catch (RuntimeException e) {
      log.warn("Could not finish the Spark state of {}", run.jobGroup(), e);
    } finally {
      run.finish(); // the final progress, whatever happened above
      if (current == run) {
        current = null;
      }
      if (interrupted || Thread.interrupted()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Lets the listener see the cell's finished jobs before its final progress is shown. A second
   * interrupt may arrive while the cell ends: Spark then throws InterruptedException (undeclared,
   * from Scala), which ends the wait early and keeps the interrupt.
   */
  private static void drainListenerBus(SparkContext sc) {
    try {
      sc.listenerBus().waitUntilEmpty(LISTENER_DRAIN_MILLIS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.debug("Spark listener bus not drained: {}", e.toString());
    }
  }

  /**
   * The session just became available to the calling thread: if it works for the running cell and
   * has no job group yet (Spark started during the cell), give it the cell's group now.
   */
  void attach(SparkContext sc) {
    CellRun run = current;
    if (run != null && sc.getLocalProperty(JOB_GROUP_PROPERTY) == null) {
      tag(sc, run);
    }
  }

  private static void tag(SparkContext sc, CellRun run) {
    sc.setJobGroup(run.jobGroup(), run.description(), true);
    sc.addJobTag(run.jobGroup());
  }

  /**
   * Cancels the running cell's Spark jobs (and any it submits later); returns at once. Other cells'
   * jobs are untouched.
   */
  public void cancelRunningCell() {
    CellRun run = current;
    if (run == null) {
      return;
    }
    run.progress().cancelRequested();
    context
        .get()
        .ifPresent(
            sc -> {
              log.info("Cancelling the Spark jobs of {}", run.jobGroup());
              sc.cancelJobGroupAndFutureJobs(run.jobGroup(), "the cell was interrupted");
              sc.cancelJobsWithTag(run.jobGroup(), "the cell was interrupted");
            });
  }

  /** The cell whose job group or tag is {@code group}, if it is still remembered. */
  Optional<CellRun> forJobGroup(String group) {
    return Optional.ofNullable(group).map(byJobGroup::get);
  }
}
