package dev.kindling.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One {@code execute_request} on its way through the kernel. Register callbacks for the outputs as
 * they arrive, or wait for the whole {@link ExecuteOutcome}.
 *
 * <p>Every callback fires exactly once per matching message, in the order the kernel sent them,
 * also when registered late: it first gets what already arrived, then the rest. A callback
 * registered late catches up on its own, so two callbacks may interleave differently from the
 * kernel's order; {@link #onOutput} sees every output in one order. Callbacks run on the client's
 * callback thread, one at a time, never on the caller's thread; keep them short and never block in
 * them waiting for another reply (use the futures' {@code then...} methods instead). All methods
 * are thread-safe and return this handle for chaining.
 *
 * <pre>{@code
 * client.execute("print hello")
 *     .onStream(stream -> System.out.print(stream.text()))
 *     .onError(error -> System.err.println(error.ename() + ": " + error.evalue()))
 *     .onComplete(outcome -> System.out.println("done: " + outcome.status()));
 * }</pre>
 */
public final class Execution {

  private final String msgId;
  private final String code;
  private final ReplayingEvents events;
  private final CompletableFuture<ExecuteOutcome> outcome = new CompletableFuture<>();
  // The fields below are touched on the callback thread only.
  private final List<Output> outputs = new ArrayList<>();
  private Optional<ExecuteReply> reply = Optional.empty();
  private boolean idle;

  Execution(String msgId, String code, CallbackThread callbacks) {
    this.msgId = msgId;
    this.code = code;
    this.events = new ReplayingEvents(callbacks);
  }

  /** The request's {@code msg_id}, the parent id of everything it causes. */
  public String msgId() {
    return msgId;
  }

  /** The code sent. */
  public String code() {
    return code;
  }

  /** Calls {@code callback} for each {@code stream} output (stdout and stderr). */
  public Execution onStream(Consumer<Output.Stream> callback) {
    events.subscribe(Output.Stream.class, callback);
    return this;
  }

  /** Calls {@code callback} for each {@code display_data}. */
  public Execution onDisplayData(Consumer<Output.DisplayData> callback) {
    events.subscribe(Output.DisplayData.class, callback);
    return this;
  }

  /** Calls {@code callback} for each {@code update_display_data}. */
  public Execution onUpdateDisplayData(Consumer<Output.UpdateDisplayData> callback) {
    events.subscribe(Output.UpdateDisplayData.class, callback);
    return this;
  }

  /** Calls {@code callback} for each {@code clear_output}. */
  public Execution onClearOutput(Consumer<Output.ClearOutput> callback) {
    events.subscribe(Output.ClearOutput.class, callback);
    return this;
  }

  /** Calls {@code callback} with the {@code execute_result}, if the cell has one. */
  public Execution onResult(Consumer<Output.ExecuteResult> callback) {
    events.subscribe(Output.ExecuteResult.class, callback);
    return this;
  }

  /** Calls {@code callback} with the {@code error} output, if the cell fails. */
  public Execution onError(Consumer<Output.Error> callback) {
    events.subscribe(Output.Error.class, callback);
    return this;
  }

  /** Calls {@code callback} for every output, whatever its type, in order. */
  public Execution onOutput(Consumer<Output> callback) {
    events.subscribe(Output.class, callback);
    return this;
  }

  /** Calls {@code callback} with the {@code execute_reply}. */
  public Execution onReply(Consumer<ExecuteReply> callback) {
    events.subscribe(ExecuteReply.class, callback);
    return this;
  }

  /**
   * Calls {@code callback} once the execution is complete: its reply and its {@code idle} status
   * have both arrived, so no more output will come.
   */
  public Execution onComplete(Consumer<ExecuteOutcome> callback) {
    events.subscribe(ExecuteOutcome.class, callback);
    return this;
  }

  /**
   * Completed with the outcome once reply and {@code idle} have arrived; completed exceptionally
   * with {@link ClientClosedException} when the client closes first. Dependent actions run on the
   * callback thread.
   */
  public CompletableFuture<ExecuteOutcome> outcome() {
    return outcome;
  }

  /** Whether reply and {@code idle} have both arrived. */
  public boolean isDone() {
    return outcome.isDone();
  }

  /**
   * Waits for the outcome. Every callback registered on this handle before the call has seen all of
   * the execution's events when it returns.
   *
   * @throws TimeoutException when it does not complete within {@code timeout}
   * @throws InterruptedException when the waiting thread is interrupted
   * @throws ClientClosedException when the client closes first
   * @throws IllegalStateException when called on the callback thread (it would wait forever)
   */
  public ExecuteOutcome await(Duration timeout) throws InterruptedException, TimeoutException {
    if (events.onCallbackThread()) {
      throw new IllegalStateException(
          "await() on the client's callback thread would wait forever; use outcome().thenAccept");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      ExecuteOutcome done = outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      // Callbacks registered just before this call catch up on the callback thread: let them
      // all run before returning, so await() never returns ahead of a callback it could beat.
      events.caughtUp().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return done;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      TimeoutException timedOut =
          new TimeoutException("execution " + msgId + " did not complete within " + timeout);
      timedOut.initCause(e);
      throw timedOut;
    }
  }

  void output(Output output) {
    if (outcome.isDone()) {
      return;
    }
    outputs.add(output);
    events.add(output);
  }

  /** Records the reply; false (and ignored) when a reply arrived already. */
  boolean replied(ExecuteReply executeReply) {
    if (reply.isPresent()) {
      return false;
    }
    reply = Optional.of(executeReply);
    events.add(executeReply);
    completeIfDone();
    return true;
  }

  void idle() {
    if (idle) {
      return;
    }
    idle = true;
    completeIfDone();
  }

  /** Fails the outcome (the client closed); callback thread only. */
  void abandon(RuntimeException reason) {
    outcome.completeExceptionally(reason);
  }

  private void completeIfDone() {
    if (idle && reply.isPresent() && !outcome.isDone()) {
      ExecuteOutcome done = new ExecuteOutcome(reply.get(), outputs);
      events.add(done);
      outcome.complete(done);
    }
  }

  @Override
  public String toString() {
    return "Execution[" + msgId + "]";
  }
}
