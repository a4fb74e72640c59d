package dev.kindling.kernel.subkernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.execution.Cell;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-publishes a child kernel's IOPub messages as the kernel's own, in the order they arrive: each
 * gets a kernel header and, as parent, the front end's request the child's parent request served
 * (or the current cell's request when the child's parent is unknown, as for output of a thread that
 * outlived its cell). The child's {@code status} and {@code execute_input} are not re-published
 * (the kernel sends its own); a captured request's {@code execute_result} and {@code error} are
 * kept for the kernel to publish with its own execution count.
 */
final class IopubRelay {

  private static final Logger log = LoggerFactory.getLogger(IopubRelay.class);

  /** Output types relayed as they are, apart from the header and parent. */
  private static final Set<String> RELAYED =
      Set.of(
          "display_data",
          "update_display_data",
          "clear_output",
          "comm_open",
          "comm_msg",
          "comm_close",
          "execute_result",
          "error");

  private final String childName;
  private final Function<String, Optional<ChildRequest>> requests;
  private final ChildComms comms;
  private final CellScope scope;
  private final Iopub iopub;
  private final MessageFactory messages;

  /**
   * @param requests the kernel's pending request with a given child msg_id
   * @param comms told about comms the child opens and closes
   */
  IopubRelay(
      String childName,
      Function<String, Optional<ChildRequest>> requests,
      ChildComms comms,
      CellScope scope,
      Iopub iopub,
      MessageFactory messages) {
    this.childName = childName;
    this.requests = requests;
    this.comms = comms;
    this.scope = scope;
    this.iopub = iopub;
    this.messages = messages;
  }

  /**
   * Handles one message from the child's IOPub, on the connection's I/O thread: queues, never
   * blocks.
   */
  void relay(Message message) {
    String type = message.msgType();
    Optional<ChildRequest> request =
        requests.apply(message.parentHeader().path("msg_id").asText(""));
    if (type.equals("status")) {
      if (message.content().path("execution_state").asText("").equals("idle")) {
        request.ifPresent(r -> r.idle().complete(null));
      }
      return;
    }
    if (request.isPresent() && request.get().capturesResult()) {
      if (type.equals("execute_result")) {
        request.get().captureResult(message);
        return;
      }
      if (type.equals("error")) {
        request.get().captureError(message);
        return;
      }
    }
    if (request.isPresent() && request.get().frontEndParent().isEmpty()) {
      log.info("[{}] {} during start-up: {}", childName, type, message.content());
      return;
    }
    ObjectNode parent = request.flatMap(ChildRequest::frontEndParent).orElseGet(this::currentCell);
    if (type.equals("stream")) {
      iopub.stream(
          parent,
          message.content().path("name").asText("stdout"),
          message.content().path("text").asText(""));
      return;
    }
    if (!RELAYED.contains(type)) {
      log.debug("[{}] not relayed: {}", childName, type);
      return;
    }
    if (type.equals("comm_open")) {
      comms.openedByChild(
          message.content().path("comm_id").asText(""),
          message.content().path("target_name").asText(""));
    } else if (type.equals("comm_close")) {
      comms.closedByChild(message.content().path("comm_id").asText(""));
    }
    Message out = messages.broadcast(parent, type, message.content().deepCopy(), message.buffers());
    iopub.publish(
        new Message(
            out.identities(),
            out.header(),
            out.parentHeader(),
            message.metadata().deepCopy(),
            out.content(),
            out.buffers()));
  }

  private ObjectNode currentCell() {
    return scope.current().map(Cell::request).map(Message::header).orElseGet(Json::object);
  }
}
