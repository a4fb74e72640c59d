package dev.kindling.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An interpreter whose cells run in a child kernel (an ipykernel, an IRkernel, ...) started through
 * {@link KernelContext#childKernels()}. The child starts in the background once the subclass calls
 * {@link #startInBackground()} (at the end of its constructor); a cell waits for it. A start that
 * fails fails the cell with the reason, and the next cell tries again, so a user can install what
 * was missing and go on without a restart. Completion, inspection and completeness go to the child
 * once it runs; before that they answer "nothing" at once rather than wait.
 *
 * <p>Subclasses say how to start the child ({@link #startChild()}), how a failed start is named
 * ({@link #startErrorName(Throwable)}), and may run something in the child before each cell ({@link
 * #beforeCell(ChildKernel, ExecutionRequest)}).
 */
public abstract class ChildKernelInterpreter implements Interpreter {

  private static final Logger log = LoggerFactory.getLogger(ChildKernelInterpreter.class);

  private final String name;
  private CompletableFuture<ChildKernel> child;

  /**
   * @param name the interpreter's name, for thread names and log lines ({@code "PySpark"})
   */
  protected ChildKernelInterpreter(String name) {
    this.name = name;
  }

  /**
   * Starts the child on a thread of its own; called once by the subclass when it is fully built,
   * and again by a cell after a failed start.
   */
  protected final synchronized void startInBackground() {
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
            "kindling-" + name.toLowerCase(java.util.Locale.ROOT) + "-start");
    thread.setDaemon(true);
    thread.start();
    child = started;
  }

  /** Starts the child kernel; runs on the start thread. */
  protected abstract ChildKernel startChild() throws Exception;

  /**
   * The error name a cell fails with when the child could not start because of {@code cause}: a
   * set-up problem the user fixes ({@code PySparkSetupError}) or another failure.
   */
  protected abstract String startErrorName(Throwable cause);

  /**
   * Runs before each cell once the child is up, for example to hand the child the cell's Spark job
   * group. A result returned ends the cell with it (the cell itself is not run).
   */
  protected Optional<ExecutionResult> beforeCell(ChildKernel kernel, ExecutionRequest request)
      throws Exception {
    return Optional.empty();
  }

  @Override
  public final ExecutionResult execute(ExecutionRequest request) throws Exception {
    ChildKernel kernel;
    try {
      kernel = currentStart().get();
    } catch (ExecutionException e) {
      startInBackground(); // the next cell tries again (after an install, say)
      Throwable cause = e.getCause();
      String error = startErrorName(cause);
      String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      log.warn("{} could not start: {}", name, message);
      return ExecutionResult.error(error, message, List.of(error + ": " + message));
    }
    Optional<ExecutionResult> ended = beforeCell(kernel, request);
    return ended.isPresent() ? ended.get() : kernel.execute(request);
  }

  /** The child if it has started; empty while it starts or when its start failed. */
  protected final Optional<ChildKernel> startedChild() {
    CompletableFuture<ChildKernel> current = currentStart();
    return current.isDone() && !current.isCompletedExceptionally()
        ? Optional.of(current.join())
        : Optional.empty();
  }

  private synchronized CompletableFuture<ChildKernel> currentStart() {
    if (child == null) {
      throw new IllegalStateException(name + ": startInBackground() was never called");
    }
    return child;
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

  @Override
  public void interrupt() {
    startedChild().ifPresent(ChildKernel::interrupt);
  }

  /**
   * Stops the child (a start still under way is abandoned). Subclasses close their bridge after.
   */
  @Override
  public synchronized void close() {
    startedChild().ifPresent(ChildKernel::close);
    if (child != null) {
      child.cancel(true);
    }
  }
}
