package dev.kindling.kernel.iopub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Message;
import java.util.concurrent.CompletableFuture;

/** What producers hand to the IOPub publisher thread. */
sealed interface IopubEvent {

  /** A complete message to send. */
  record Publish(Message message) implements IopubEvent {}

  /** Stream text to batch. */
  record Stream(ObjectNode parentHeader, String name, String text) implements IopubEvent {}

  /** A barrier: completed once everything before it has been sent. */
  record Flush(CompletableFuture<Void> done) implements IopubEvent {}
}
