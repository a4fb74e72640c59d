package dev.kindling.kernel.subkernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Message;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request the kernel sent to a child, and what came back for it so far. The child's IOPub
 * messages whose parent is this request are re-parented onto {@link #frontEndParent()}.
 */
final class ChildRequest {

  private final Optional<ObjectNode> frontEndParent;
  private final boolean capturesResult;
  private final CompletableFuture<Message> reply = new CompletableFuture<>();
  private final CompletableFuture<Void> idle = new CompletableFuture<>();
  private final AtomicReference<Message> result = new AtomicReference<>();
  private final AtomicReference<Message> error = new AtomicReference<>();

  /**
   * @param frontEndParent the header of the front end's request this one serves; empty for the
   *     kernel's own requests (start-up code), whose output is logged, not shown
   * @param capturesResult whether the child's {@code execute_result} and {@code error} are kept for
   *     the kernel to publish as the cell's own, instead of being relayed
   */
  ChildRequest(Optional<ObjectNode> frontEndParent, boolean capturesResult) {
    this.frontEndParent = frontEndParent;
    this.capturesResult = capturesResult;
  }

  Optional<ObjectNode> frontEndParent() {
    return frontEndParent;
  }

  boolean capturesResult() {
    return capturesResult;
  }

  CompletableFuture<Message> reply() {
    return reply;
  }

  /** Completed when the child reports {@code idle} for this request. */
  CompletableFuture<Void> idle() {
    return idle;
  }

  void captureResult(Message message) {
    result.set(message);
  }

  void captureError(Message message) {
    error.set(message);
  }

  Optional<Message> result() {
    return Optional.ofNullable(result.get());
  }

  Optional<Message> error() {
    return Optional.ofNullable(error.get());
  }
}
