package dev.kindling.kernel.spark;

import dev.kindling.api.Display;
import dev.kindling.api.spark.SparkSettingsContributor;
import dev.kindling.kernel.execution.CellLifecycle;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.protocol.MessageFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The kernel's Spark driver runtime wired together: the session ({@link KernelSparkRuntime}), a job
 * group per cell and interrupts ({@link CellJobs}), and live progress ({@link
 * SparkProgressListener}). The kernel hands {@link #runtime()} to plugins, runs every cell inside
 * {@link #cells()}, and calls {@link #interruptRunningCell()} on {@code interrupt_request}.
 */
public final class SparkDriver implements AutoCloseable {

  private final KernelSparkRuntime runtime;
  private final CellJobs cells;
  private final ScheduledExecutorService timer;

  private SparkDriver(
      SparkOptions options,
      SparkSessionFactory factory,
      CellScope scope,
      Display display,
      Iopub iopub,
      MessageFactory messages) {
    // Created now, on the kernel's start-up thread, so the timer's thread belongs to no cell.
    ScheduledThreadPoolExecutor progressTimer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "kindling-spark-progress");
              thread.setDaemon(true);
              return thread;
            });
    progressTimer.prestartCoreThread();
    this.timer = progressTimer;
    AtomicReference<KernelSparkRuntime> runtimeRef = new AtomicReference<>();
    this.cells =
        new CellJobs(
            scope,
            () -> runningContext(runtimeRef.get()),
            options.progress(),
            iopub,
            messages,
            timer);
    SparkProgressListener listener = new SparkProgressListener(cells);
    this.runtime =
        new KernelSparkRuntime(
            options.startMode(),
            factory,
            display,
            session -> {
              if (options.progress()) {
                session.sparkContext().addSparkListener(listener);
              }
            },
            session -> cells.attach(session.sparkContext()));
    runtimeRef.set(runtime);
  }

  /**
   * @param environment the process environment (SPARK_HOME, SPARK_CONF_DIR, SPARK_OPTS)
   * @param kernelConfiguration the kernel's {@code --conf} settings
   * @param contributors the plugins' Spark settings contributors, in plugin load order
   */
  public static SparkDriver create(
      SparkOptions options,
      Map<String, String> environment,
      Map<String, String> kernelConfiguration,
      List<SparkSettingsContributor> contributors,
      CellScope scope,
      Display display,
      Iopub iopub,
      MessageFactory messages) {
    return new SparkDriver(
        options,
        new SparkSessionFactory(environment, kernelConfiguration, contributors),
        scope,
        display,
        iopub,
        messages);
  }

  private static Optional<SparkContext> runningContext(KernelSparkRuntime runtime) {
    return runtime == null
        ? Optional.empty()
        : runtime.activeSession().map(SparkSession::sparkContext);
  }

  /** The session as plugins see it ({@code KernelContext.spark()}). */
  public KernelSparkRuntime runtime() {
    return runtime;
  }

  /** What runs around every executed cell: its job group, then its final progress. */
  public CellLifecycle cells() {
    return cells;
  }

  /**
   * Reads the Spark settings and runs the plugins' contributors (call it before any interpreter is
   * created), then starts Spark in the background when the start mode is {@code eager}. Never waits
   * for Spark.
   */
  public void start() {
    runtime.startIfEager();
  }

  /** Cancels the running cell's Spark jobs; returns at once. */
  public void interruptRunningCell() {
    cells.cancelRunningCell();
  }

  /**
   * Stops the progress timer. The session itself is stopped by Spark's own shutdown hook when the
   * kernel process exits, which keeps the kernel's shutdown within its deadline.
   */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
