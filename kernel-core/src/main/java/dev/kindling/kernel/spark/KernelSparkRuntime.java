package dev.kindling.kernel.spark;

import dev.kindling.api.Display;
import dev.kindling.api.spark.SparkRuntime;
import dev.kindling.api.spark.SparkUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.OptionConverters;

/**
 * The kernel's SparkSession and its lifecycle. In {@code eager} mode it starts on its own thread
 * when the kernel is up; in {@code lazy} mode on the first {@link #session()}; in {@code none} mode
 * never: {@link #session()} adopts a session user code created. The session is always built on a
 * thread of its own (with the kernel's class loader as context loader and no cell), so a waiting
 * cell can be interrupted and start-up never blocks a socket thread.
 *
 * <p>{@link #configure} adds settings before the session starts; {@link #restart} stops it and
 * starts a new one (same thread, same listeners) with new settings.
 */
public final class KernelSparkRuntime implements SparkRuntime {

  private static final Logger log = LoggerFactory.getLogger(KernelSparkRuntime.class);

  /** How long a cell waits for Spark before it shows "Starting Spark...". */
  private static final long QUIET_WAIT_MILLIS = 500;

  private final SparkStartMode mode;
  private final SparkSessionFactory factory;
  private final Display display;
  private final Consumer<SparkSession> onStarted;
  private final Consumer<SparkSession> onHandOut;
  private final ThreadPoolExecutor starter;
  private final List<Consumer<SparkSession>> startListeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean startRequested = new AtomicBoolean();
  private final AtomicBoolean announced = new AtomicBoolean();
  private volatile CompletableFuture<SparkSession> started = new CompletableFuture<>();
  private volatile Map<String, String> configured = Map.of();
  private volatile double startSeconds = -1;

  /**
   * A runtime that starts a session on first use from the process's settings (SPARK_OPTS,
   * spark-defaults.conf; master {@code local[*]} by default) and shows nothing in cells: for tests
   * and for embedding the kernel's services without a kernel.
   */
  public KernelSparkRuntime() {
    this(
        SparkStartMode.LAZY,
        new SparkSessionFactory(System.getenv(), java.util.Map.of(), java.util.List.of()),
        new SilentDisplay(),
        session -> {},
        session -> {});
  }

  /**
   * @param onStarted called once with the session, on the thread that started or adopted it, before
   *     anyone else gets it (installs listeners)
   * @param onHandOut called on the calling thread each time {@link #session()} returns (gives the
   *     thread the running cell's job group)
   */
  KernelSparkRuntime(
      SparkStartMode mode,
      SparkSessionFactory factory,
      Display display,
      Consumer<SparkSession> onStarted,
      Consumer<SparkSession> onHandOut) {
    this.onHandOut = onHandOut;
    this.mode = mode;
    this.factory = factory;
    this.display = display;
    this.onStarted = onStarted;
    // The thread is created here, on the kernel's start-up thread: it inherits no cell and no
    // Spark properties, also when a restart later asks it to start another session.
    this.starter =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "kindling-spark-start");
              thread.setDaemon(true);
              thread.setContextClassLoader(KernelSparkRuntime.class.getClassLoader());
              return thread;
            });
    this.starter.prestartCoreThread();
  }

  /**
   * Calls {@code listener} with every session this runtime starts or adopts (after a restart too),
   * on the thread that started it, before anyone else gets it; at once when one already runs.
   */
  public void whenStarted(Consumer<SparkSession> listener) {
    startListeners.add(listener);
    CompletableFuture<SparkSession> current = started;
    if (current.isDone() && !current.isCompletedExceptionally()) {
      listener.accept(current.join());
    }
  }

  /** The start mode. */
  public SparkStartMode mode() {
    return mode;
  }

  /**
   * Assembles the session's settings now (reading the user's sources and calling the plugins'
   * contributors), then starts the session in the background if the mode is {@code eager}. Returns
   * without waiting for Spark.
   */
  public void startIfEager() {
    factory.settings();
    if (mode == SparkStartMode.EAGER) {
      requestStart();
    }
  }

  private void requestStart() {
    if (startRequested.compareAndSet(false, true)) {
      CompletableFuture<SparkSession> target = started;
      Map<String, String> extra = configured;
      starter.execute(() -> startSession(target, extra));
    }
  }

  private void startSession(CompletableFuture<SparkSession> started, Map<String, String> extra) {
    long begin = System.nanoTime();
    try {
      SparkSession session = factory.create(extra);
      startSeconds = (System.nanoTime() - begin) / 1e9;
      onStarted.accept(session);
      notifyStarted(session);
      log.info(
          "Spark started in {} s; Spark UI: {}",
          String.format(java.util.Locale.ROOT, "%.1f", startSeconds),
          uiUrl(session).orElse("disabled"));
      started.complete(session);
    } catch (RuntimeException | LinkageError e) {
      log.error("Spark failed to start", e);
      started.completeExceptionally(e);
    }
  }

  @Override
  public SparkSession session() {
    SparkSession session = obtain();
    onHandOut.accept(session);
    return session;
  }

  private SparkSession obtain() {
    if (mode == SparkStartMode.NONE) {
      return adopt()
          .orElseThrow(
              () ->
                  new SparkUnavailableException(
                      "No SparkSession: this kernel runs with --spark-init none, so Spark starts"
                          + " only when your code creates a session, for example"
                          + " SparkSession.builder().master(\"local[*]\").getOrCreate();"
                          + " or restart the kernel with --spark-init lazy or eager.",
                      null));
    }
    requestStart();
    return awaitStart();
  }

  private void notifyStarted(SparkSession session) {
    for (Consumer<SparkSession> listener : startListeners) {
      try {
        listener.accept(session);
      } catch (RuntimeException e) {
        log.warn("A Spark start listener failed", e);
      }
    }
  }

  @Override
  public boolean startRequested() {
    return mode == SparkStartMode.NONE ? activeSession().isPresent() : startRequested.get();
  }

  @Override
  public synchronized void configure(Map<String, String> settings) {
    requireRestartable();
    if (startRequested.get()) {
      throw new IllegalStateException(
          "the SparkSession is already running or starting; restart it to change its settings");
    }
    configured = Map.copyOf(settings);
  }

  @Override
  public synchronized SparkSession restart(Map<String, String> settings) {
    requireRestartable();
    configured = Map.copyOf(settings);
    if (startRequested.get()) {
      CompletableFuture<SparkSession> old = started;
      try {
        SparkSession running = old.get();
        log.info("Stopping the SparkSession to restart it with new settings");
        running.stop();
      } catch (ExecutionException e) {
        log.info("Restarting Spark after a failed start");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SparkUnavailableException(
            "Interrupted while waiting for Spark to start; nothing was restarted", e);
      }
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
      started = new CompletableFuture<>();
      announced.set(false);
      startRequested.set(false);
    }
    SparkSession session = session();
    SparkSession.setActiveSession(session);
    return session;
  }

  private void requireRestartable() {
    if (mode == SparkStartMode.NONE) {
      throw new UnsupportedOperationException(
          "this kernel runs with --spark-init none: your code creates the SparkSession, so build"
              + " it with the settings you need");
    }
  }

  private SparkSession awaitStart() {
    SparkStartNotice notice = new SparkStartNotice(display);
    CompletableFuture<SparkSession> started = this.started;
    try {
      SparkSession session;
      try {
        session = started.get(QUIET_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        notice.waiting();
        session = started.get();
      }
      announceOnce(notice, session);
      return session;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SparkUnavailableException(
          "Interrupted while waiting for Spark to start; it keeps starting in the background", e);
    } catch (ExecutionException e) {
      notice.failed();
      Throwable cause = e.getCause();
      throw new SparkUnavailableException(
          "Spark could not start: "
              + cause
              + ". Check the Spark settings (spark-defaults.conf, SPARK_OPTS, --conf) and"
              + " restart the kernel; the kernel log has the details.",
          cause);
    }
  }

  /** Shows "Spark started" with the UI link in the first cell that gets the session. */
  private void announceOnce(SparkStartNotice notice, SparkSession session) {
    if (announced.compareAndSet(false, true)) {
      notice.started(startSeconds, uiUrl(session));
    }
  }

  /** In {@code none} mode: the session user code created, once it exists. */
  private synchronized Optional<SparkSession> adopt() {
    CompletableFuture<SparkSession> started = this.started;
    if (started.isDone() && !started.isCompletedExceptionally()) {
      return Optional.of(started.join());
    }
    Optional<SparkSession> found =
        OptionConverters.toJava(SparkSession.getActiveSession())
            .or(() -> OptionConverters.toJava(SparkSession.getDefaultSession()));
    found.ifPresent(
        session -> {
          onStarted.accept(session);
          notifyStarted(session);
          started.complete(session);
          log.info("Adopted the SparkSession user code created; Spark UI: {}", uiUrl(session));
          if (announced.compareAndSet(false, true)) {
            new SparkStartNotice(display).started(-1, uiUrl(session));
          }
        });
    return found;
  }

  @Override
  public Optional<SparkSession> activeSession() {
    if (mode == SparkStartMode.NONE) {
      return adopt();
    }
    CompletableFuture<SparkSession> started = this.started;
    if (started.isDone() && !started.isCompletedExceptionally()) {
      return Optional.of(started.join());
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> uiUrl() {
    return activeSession().flatMap(KernelSparkRuntime::uiUrl);
  }

  private static Optional<String> uiUrl(SparkSession session) {
    return OptionConverters.toJava(session.sparkContext().uiWebUrl());
  }
}
