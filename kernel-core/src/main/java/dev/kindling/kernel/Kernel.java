package dev.kindling.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.DisplayRenderer;
import dev.kindling.api.LanguageInfo;
import dev.kindling.kernel.comm.CommRegistry;
import dev.kindling.kernel.context.DisplayService;
import dev.kindling.kernel.context.InterpreterRegistry;
import dev.kindling.kernel.context.KernelClasspathService;
import dev.kindling.kernel.context.KernelConfiguration;
import dev.kindling.kernel.context.KernelServices;
import dev.kindling.kernel.context.StdinService;
import dev.kindling.kernel.dispatch.Dispatcher;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.execution.CellPayloads;
import dev.kindling.kernel.execution.CellRunner;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.execution.ExecutionHistory;
import dev.kindling.kernel.execution.ExecutionLoop;
import dev.kindling.kernel.handlers.CommCloseHandler;
import dev.kindling.kernel.handlers.CommInfoRequestHandler;
import dev.kindling.kernel.handlers.CommMsgHandler;
import dev.kindling.kernel.handlers.CommOpenHandler;
import dev.kindling.kernel.handlers.CompleteRequestHandler;
import dev.kindling.kernel.handlers.ConnectRequestHandler;
import dev.kindling.kernel.handlers.ExecuteRequestHandler;
import dev.kindling.kernel.handlers.HistoryRequestHandler;
import dev.kindling.kernel.handlers.InspectRequestHandler;
import dev.kindling.kernel.handlers.InterruptRequestHandler;
import dev.kindling.kernel.handlers.IsCompleteRequestHandler;
import dev.kindling.kernel.handlers.KernelInfoRequestHandler;
import dev.kindling.kernel.handlers.ShutdownRequestHandler;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.kernel.logging.StartupLogging;
import dev.kindling.kernel.magic.CellParser;
import dev.kindling.kernel.magic.MagicRegistry;
import dev.kindling.kernel.spark.DataFrameRenderer;
import dev.kindling.kernel.spark.SparkDriver;
import dev.kindling.kernel.subkernel.ChildKernelService;
import dev.kindling.kernel.transport.Replies;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The kernel's parts wired together, independent of sockets: given where IOPub output and replies
 * go, it builds the services, handlers, dispatcher and execution thread. {@link KernelServer} puts
 * it on ZeroMQ; tests drive it with in-memory fakes.
 *
 * <p>Requests flow: socket thread → {@link #onShellMessage}/{@link #onControlMessage} → {@link
 * Dispatcher} (busy, handler, idle) → handler → reply through {@link Replies}.
 */
public final class Kernel implements AutoCloseable {

  /** Shell request types answered on the socket thread at once, never queued behind a cell. */
  private static final java.util.Set<String> IMMEDIATE =
      java.util.Set.of("kernel_info_request", "connect_request");

  /** The longest the heavy start-up work waits for a first request. */
  static final long BACKGROUND_START_DELAY_MILLIS = 300;

  private final MessageFactory messages;
  private final Iopub iopub;
  private final KernelExtensions plugins;
  private final CellScope scope = new CellScope();
  private final ExecutionHistory history = new ExecutionHistory();
  private final InterpreterRegistry interpreters;
  private final StdinService stdin;
  private final Dispatcher dispatcher;
  private final ExecutionLoop execution;
  private final SparkDriver spark;
  private final ChildKernelService children;
  private final AtomicBoolean backgroundStarted = new AtomicBoolean();
  private final AtomicReference<Consumer<CompletableFuture<Void>>> onShutdown =
      new AtomicReference<>(delivery -> {});

  /**
   * @param replies sends replies on shell, control and stdin
   */
  public Kernel(
      KernelOptions options,
      MessageFactory messages,
      Iopub iopub,
      Replies replies,
      KernelExtensions plugins) {
    this.messages = messages;
    this.iopub = iopub;
    this.plugins = plugins;
    AtomicReference<KernelServices> context = new AtomicReference<>();
    this.interpreters =
        new InterpreterRegistry(
            plugins.interpreterFactories(), options.defaultInterpreter(), context::get);
    MagicRegistry magics = new MagicRegistry(plugins.lineMagics(), plugins.cellMagics());
    KernelConfiguration configuration = new KernelConfiguration(options.configuration());
    List<DisplayRenderer> renderers = new ArrayList<>(plugins.displayRenderers());
    renderers.add(DataFrameRenderer.fromConfiguration(configuration));
    CellPayloads payloads = new CellPayloads();
    DisplayService display = new DisplayService(scope, iopub, messages, renderers, payloads);
    this.spark =
        SparkDriver.create(
            options.spark(),
            System.getenv(),
            options.configuration(),
            plugins.sparkSettingsContributors(),
            scope,
            display,
            iopub,
            messages);
    CommRegistry comms = new CommRegistry(plugins.commTargets(), scope, iopub, messages);
    this.stdin = new StdinService(scope, iopub, messages, replies);
    this.children = new ChildKernelService(scope, iopub, messages, stdin, payloads);
    comms.forwardUnknownTo(children);
    KernelClasspathService classpath = new KernelClasspathService(interpreters::started);
    interpreters.whenCreated(classpath::interpreterCreated);
    spark.runtime().whenStarted(classpath::sessionStarted);
    context.set(
        new KernelServices(
            display,
            comms,
            magics,
            interpreters.forPlugins(),
            stdin,
            spark.runtime(),
            configuration,
            KindlingVersion.get(),
            children,
            classpath));
    CellRunner runner = new CellRunner(new CellParser(magics), interpreters, context.get());

    Map<String, RequestHandler> handlers = new HashMap<>();
    handlers.put(
        "kernel_info_request",
        new KernelInfoRequestHandler(
            KindlingVersion.get(), language(options, configuration), banner(options)));
    handlers.put("connect_request", new ConnectRequestHandler(options.connection()));
    handlers.put(
        "execute_request",
        new ExecuteRequestHandler(
            history, runner, display, iopub, messages, spark.cells(), payloads));
    handlers.put("complete_request", new CompleteRequestHandler(interpreters));
    handlers.put("inspect_request", new InspectRequestHandler(interpreters));
    handlers.put("is_complete_request", new IsCompleteRequestHandler(interpreters));
    handlers.put("history_request", new HistoryRequestHandler(history));
    handlers.put("comm_info_request", new CommInfoRequestHandler(comms));
    handlers.put("comm_open", new CommOpenHandler(comms));
    handlers.put("comm_msg", new CommMsgHandler(comms));
    handlers.put("comm_close", new CommCloseHandler(comms));
    handlers.put(
        "shutdown_request",
        new ShutdownRequestHandler(iopub, messages, delivery -> onShutdown.get().accept(delivery)));
    handlers.put("interrupt_request", new InterruptRequestHandler(this::interruptRunningCell));
    this.dispatcher = new Dispatcher(handlers, messages, iopub, replies, scope);
    this.execution =
        new ExecutionLoop(
            dispatcher,
            history::executionCount,
            () -> {
              spark.interruptRunningCell();
              interpreters.interruptRunning();
            });
  }

  private void interruptRunningCell() {
    execution.interruptCurrent();
  }

  /** The cell scope, for output capture. */
  public CellScope scope() {
    return scope;
  }

  /** Says what to do when a shutdown request has been answered. */
  public void onShutdown(Consumer<CompletableFuture<Void>> action) {
    onShutdown.set(action);
  }

  /**
   * Publishes {@code starting} and starts the execution thread. The heavy start-up work (Spark in
   * {@code eager} mode, the default interpreter) waits until the first request has been handled, or
   * {@link #BACKGROUND_START_DELAY_MILLIS} at most: a front end's first {@code kernel_info_request}
   * is then answered by a kernel that does not share its two cores with Spark's and the compiler's
   * start. It costs the first cell nothing, since no front end sends one before it has its reply.
   */
  public void start() {
    ObjectNode starting = Json.object();
    starting.put("execution_state", "starting");
    iopub.publish(messages.message("status", starting));
    execution.start();
    CompletableFuture.delayedExecutor(BACKGROUND_START_DELAY_MILLIS, TimeUnit.MILLISECONDS)
        .execute(this::startInBackground);
  }

  /**
   * Starts logging, then Spark (eager mode) and the default interpreter; only the first call does
   * anything. The interpreter and Spark start on the execution thread, ahead of any cell.
   */
  private void startInBackground() {
    if (backgroundStarted.compareAndSet(false, true)) {
      StartupLogging.start();
      execution.submit(this::startSparkAndInterpreter);
    }
  }

  private void startSparkAndInterpreter() {
    try {
      StartupLogging.awaitStarted(); // Spark must find log4j bound (see StartupLogging)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    spark.start();
    try {
      interpreters.defaultInterpreter();
    } catch (IllegalStateException e) {
      // already logged; every cell will report it
    }
  }

  /** A message from the shell socket's thread. */
  public void onShellMessage(Message message) {
    if (IMMEDIATE.contains(message.msgType()) || message.msgType().equals("shutdown_request")) {
      dispatcher.dispatch(Channel.SHELL, message);
      startInBackground();
    } else {
      startInBackground(); // queued before the request, so the interpreter starts first
      execution.submit(Channel.SHELL, message);
    }
  }

  /** A message from the control socket's thread: handled there at once, even while a cell runs. */
  public void onControlMessage(Message message) {
    dispatcher.dispatch(Channel.CONTROL, message);
    startInBackground();
  }

  /** A message from the stdin socket's thread. */
  public void onStdinMessage(Message message) {
    stdin.onMessage(message);
  }

  private LanguageInfo language(KernelOptions options, KernelConfiguration configuration) {
    return interpreters
        .defaultLanguage(configuration)
        .orElse(
            new LanguageInfo(
                options.defaultInterpreter().toLowerCase(java.util.Locale.ROOT),
                "",
                "text/plain",
                ".txt",
                "text",
                "text"));
  }

  private String banner(KernelOptions options) {
    return "Kindling "
        + KindlingVersion.get()
        + ": a Jupyter kernel for Apache Spark\nDefault interpreter: "
        + options.defaultInterpreter()
        + "; plugins: "
        + (plugins.pluginIds().isEmpty() ? "none" : String.join(", ", plugins.pluginIds()));
  }

  @Override
  public void close() {
    backgroundStarted.set(true); // a kernel shut down before its first request starts nothing
    execution.close();
    interpreters.close();
    children.close();
    spark.close();
  }
}
