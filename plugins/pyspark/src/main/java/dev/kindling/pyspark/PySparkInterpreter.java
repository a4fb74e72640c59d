package dev.kindling.pyspark;

import dev.kindling.api.ChildKernel;
import dev.kindling.api.ChildKernelException;
import dev.kindling.api.ChildKernelSpec;
import dev.kindling.api.CodeCompleteness;
import dev.kindling.api.Completion;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import dev.kindling.api.MimeBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Python cells: a real ipykernel child (through the kernel's {@code childKernels()} proxy) attached
 * to the kernel's Spark driver through a {@link PySparkGateway}. The child starts in the background
 * as soon as the interpreter is created; a cell waits for it. A start that fails (Python, ipykernel
 * or pyspark missing, versions that differ) fails the cell with the reason and the fix, and the
 * next cell tries again.
 */
final class PySparkInterpreter implements Interpreter {

  private static final Logger log = LoggerFactory.getLogger(PySparkInterpreter.class);
  static final String BOOTSTRAP = "/dev/kindling/pyspark/bootstrap.py";

  private final KernelContext context;
  private final String python;
  private final LanguageInfo language;
  private final PySparkBridge bridge;
  private CompletableFuture<ChildKernel> child;
  private PySparkGateway gateway;

  PySparkInterpreter(KernelContext context, LanguageInfo language) {
    this.context = context;
    this.python = PySparkSettings.python(context.configuration());
    this.language = language;
    this.bridge = new PySparkBridge(context);
    this.child = startInBackground();
  }

  private synchronized CompletableFuture<ChildKernel> startInBackground() {
    CompletableFuture<ChildKernel> started = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                started.complete(startChild());
              } catch (Exception | LinkageError e) {
                started.completeExceptionally(e);
              }
            },
            "kindling-pyspark-start");
    thread.setDaemon(true);
    thread.start();
    return started;
  }

  private ChildKernel startChild()
      throws PySparkSetupException, ChildKernelException, InterruptedException {
    PythonEnvironment environment = PythonEnvironment.probe(python);
    environment.requireUsableWith(SparkVersion.get());
    synchronized (this) {
      if (gateway == null) {
        gateway = PySparkGateway.start(bridge);
      }
    }
    Map<String, String> env = new HashMap<>(gateway.environment());
    env.put("PYSPARK_PYTHON", python);
    env.put("JPY_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
    // ipykernel imports debugpy, which warns on stderr about frozen modules otherwise.
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    ChildKernelSpec spec =
        ChildKernelSpec.of(
                "PySpark",
                List.of(python, "-m", "ipykernel_launcher", "-f", ChildKernelSpec.CONNECTION_FILE))
            .withEnvironment(env)
            .withStartupCode(bootstrap());
    return context.childKernels().start(spec);
  }

  static String bootstrap() {
    try (InputStream in = PySparkInterpreter.class.getResourceAsStream(BOOTSTRAP)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BOOTSTRAP);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The child, waiting for its start; empty (with the reason logged) when it failed. */
  private Optional<ChildKernel> startedChild() {
    CompletableFuture<ChildKernel> current = currentStart();
    return current.isDone() && !current.isCompletedExceptionally()
        ? Optional.of(current.join())
        : Optional.empty();
  }

  private synchronized CompletableFuture<ChildKernel> currentStart() {
    return child;
  }

  @Override
  public LanguageInfo languageInfo() {
    return language;
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request) throws Exception {
    CompletableFuture<ChildKernel> start = currentStart();
    ChildKernel kernel;
    try {
      kernel = start.get();
    } catch (ExecutionException e) {
      synchronized (this) {
        child = startInBackground(); // the next cell tries again (after a pip install, say)
      }
      Throwable cause = e.getCause();
      String name =
          cause instanceof PySparkSetupException ? "PySparkSetupError" : "PySparkStartError";
      String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      log.warn("PySpark could not start: {}", message);
      return ExecutionResult.error(name, message, List.of(name + ": " + message));
    }
    return kernel.execute(request);
  }

  @Override
  public Completion complete(String code, int cursor) {
    return startedChild().map(k -> k.complete(code, cursor)).orElse(Completion.none(cursor));
  }

  @Override
  public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
    return startedChild().flatMap(k -> k.inspect(code, cursor, detailLevel));
  }

  @Override
  public CodeCompleteness isComplete(String code) {
    return startedChild().map(k -> k.isComplete(code)).orElse(CodeCompleteness.unknown());
  }

  /** IPython has magics of its own (%%timeit, %%capture, ...): unclaimed ones go to it. */
  @Override
  public boolean understandsMagics() {
    return true;
  }

  @Override
  public void interrupt() {
    startedChild().ifPresent(ChildKernel::interrupt);
  }

  @Override
  public synchronized void close() {
    startedChild().ifPresent(ChildKernel::close);
    child.cancel(true);
    if (gateway != null) {
      gateway.close();
    }
  }
}
