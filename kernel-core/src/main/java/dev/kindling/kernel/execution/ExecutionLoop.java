package dev.kindling.kernel.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.dispatch.Dispatcher;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution thread: runs shell requests one at a time, in arrival order. When an execute
 * request fails with {@code stop_on_error}, the execute requests already queued behind it are
 * answered {@code aborted} without running; other queued requests are served normally. This is the
 * only thread that runs user code, and the only one {@link #interruptCurrent()} interrupts; it
 * never touches a socket.
 */
public final class ExecutionLoop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExecutionLoop.class);

  private static final long REPLY_SENT_TIMEOUT_SECONDS = 10;

  private sealed interface Task {}

  private record Request(Channel channel, Message message, long sequence) implements Task {}

  private record Job(Runnable runnable) implements Task {}

  private enum Stop implements Task {
    INSTANCE
  }

  private final LinkedBlockingDeque<Task> queue = new LinkedBlockingDeque<>();
  private final java.util.concurrent.atomic.AtomicLong submitted =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * Completed, on the shell socket's thread, with the number of requests submitted before the
   * running request's reply went out.
   */
  private volatile CompletableFuture<Long> arrivedBeforeReply = new CompletableFuture<>();

  private final Dispatcher dispatcher;
  private final IntSupplier executionCount;
  private final Runnable interruptInterpreter;
  private final Thread thread;
  private final Object runningLock = new Object();
  private boolean running;

  /**
   * @param executionCount the current execution count, for aborted replies
   * @param interruptInterpreter asks the running interpreter to stop
   */
  public ExecutionLoop(
      Dispatcher dispatcher, IntSupplier executionCount, Runnable interruptInterpreter) {
    this.dispatcher = dispatcher;
    this.executionCount = executionCount;
    this.interruptInterpreter = interruptInterpreter;
    this.thread = new Thread(this::run, "kindling-execution");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Queues a request. Never blocks. */
  public void submit(Channel channel, Message message) {
    queue.add(new Request(channel, message, submitted.incrementAndGet()));
  }

  /** Queues kernel work (starting the default interpreter, for example) in request order. */
  public void submit(Runnable job) {
    queue.add(new Job(job));
  }

  /**
   * Interrupts the request running now, if any: the interpreter is asked to stop and the execution
   * thread is interrupted. A request that is not running is not affected.
   */
  public void interruptCurrent() {
    synchronized (runningLock) {
      if (running) {
        log.info("Interrupting the running cell");
        interruptInterpreter.run();
        thread.interrupt();
      }
    }
  }

  private void run() {
    while (true) {
      Task task;
      try {
        task = queue.take();
      } catch (InterruptedException e) {
        continue; // a late interrupt for a cell that has already finished
      }
      if (task instanceof Stop) {
        return;
      }
      Optional<ObjectNode> reply = runNow(task);
      if (task instanceof Request request
          && reply.isPresent()
          && stopsQueue(request.message(), reply.get())) {
        abortQueuedExecutes(request.message());
      }
    }
  }

  private <T> Optional<T> runGuarded(java.util.function.Supplier<Optional<T>> work) {
    synchronized (runningLock) {
      Thread.interrupted();
      running = true;
    }
    try {
      return work.get();
    } catch (RuntimeException | LinkageError e) {
      log.error("Unexpected failure on the execution thread", e);
      return Optional.empty();
    } finally {
      synchronized (runningLock) {
        running = false;
        Thread.interrupted();
      }
    }
  }

  private void runGuarded(Runnable job) {
    runGuarded(
        () -> {
          job.run();
          return Optional.empty();
        });
  }

  private static boolean stopsQueue(Message request, ObjectNode reply) {
    if (!request.msgType().equals("execute_request")
        || !"error".equals(reply.path("status").asText())) {
      return false;
    }
    ObjectNode content = request.content();
    return content.path("stop_on_error").asBoolean(true)
        && !content.path("silent").asBoolean(false);
  }

  /**
   * Aborts the execute requests of the failed cell's client that arrived before the failed cell's
   * reply went out; requests sent after that client saw the reply run normally. Other clients'
   * requests are not aborted: with several clients on one kernel, one client's error does not
   * cancel another's work.
   */
  private void abortQueuedExecutes(Message failed) {
    long boundary;
    try {
      boundary = arrivedBeforeReply.get(REPLY_SENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      log.warn("The failed cell's reply was not sent in time; aborting what is queued now");
      boundary = submitted.get();
    } catch (InterruptedException e) {
      boundary = submitted.get(); // a late interrupt for the cell that failed
    }
    List<Task> queued = new ArrayList<>();
    queue.drainTo(queued);
    List<Task> kept = new ArrayList<>(queued.size());
    for (Task task : queued) {
      if (task instanceof Request r
          && r.sequence() <= boundary
          && r.message().msgType().equals("execute_request")
          && sameClient(r.message(), failed)) {
        dispatcher.abort(r.channel(), r.message(), executionCount.getAsInt());
      } else {
        kept.add(task);
      }
    }
    for (int j = kept.size() - 1; j >= 0; j--) {
      queue.addFirst(kept.get(j));
    }
  }

  /** Whether two requests came from the same client (the same routing identities). */
  private static boolean sameClient(Message a, Message b) {
    List<byte[]> x = a.identities();
    List<byte[]> y = b.identities();
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!java.util.Arrays.equals(x.get(i), y.get(i))) {
        return false;
      }
    }
    return true;
  }

  private Optional<ObjectNode> runNow(Task task) {
    if (task instanceof Request request) {
      CompletableFuture<Long> boundary = new CompletableFuture<>();
      arrivedBeforeReply = boundary;
      return runGuarded(
          () ->
              dispatcher.dispatch(
                  request.channel(), request.message(), () -> boundary.complete(submitted.get())));
    }
    if (task instanceof Job job) {
      runGuarded(job.runnable());
    } else {
      queue.add(task); // a stop request: keep it for the main loop
    }
    return Optional.empty();
  }

  /** Stops the thread after the requests queued so far. */
  @Override
  public void close() {
    queue.add(Stop.INSTANCE);
  }
}
