package dev.kindling.kernel.comm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.Comm;
import dev.kindling.api.CommMessage;
import dev.kindling.api.CommTarget;
import dev.kindling.api.Comms;
import dev.kindling.kernel.execution.Cell;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's comm targets and open comms, and the protocol side of {@code comm_open}, {@code
 * comm_msg}, {@code comm_close} and {@code comm_info}. Thread-safe.
 */
public final class CommRegistry implements Comms {

  private static final Logger log = LoggerFactory.getLogger(CommRegistry.class);

  private final Map<String, CommTarget> targets = new ConcurrentHashMap<>();
  private final Map<String, KernelComm> comms = new ConcurrentHashMap<>();
  private final CellScope scope;
  private final Iopub iopub;
  private final MessageFactory messages;
  private volatile CommForwarder forwarder = CommForwarder.NONE;

  public CommRegistry(
      List<CommTarget> targets, CellScope scope, Iopub iopub, MessageFactory messages) {
    targets.forEach(this::register);
    this.scope = scope;
    this.iopub = iopub;
    this.messages = messages;
  }

  /** Where front-end comm messages go that no target or comm here claims (child kernels). */
  public void forwardUnknownTo(CommForwarder elsewhere) {
    this.forwarder = elsewhere;
  }

  @Override
  public void register(CommTarget target) {
    targets.put(target.targetName(), target);
  }

  @Override
  public void unregister(String targetName) {
    targets.remove(targetName);
  }

  @Override
  public Comm open(String targetName, Map<String, Object> data) {
    KernelComm comm =
        new KernelComm(UUID.randomUUID().toString().replace("-", ""), targetName, this);
    comms.put(comm.id(), comm);
    ObjectNode content = content(comm.id(), data);
    content.put("target_name", targetName);
    publish("comm_open", content, CommMessage.of(data));
    return comm;
  }

  @Override
  public Optional<Comm> get(String commId) {
    return Optional.ofNullable(comms.get(commId));
  }

  /** {@code comm_open} from a front end: hand it to its target, or close it at once if none. */
  public void opened(Message message) {
    String commId = requireText(message.content(), "comm_id");
    String targetName = message.content().path("target_name").asText("");
    CommTarget target = targets.get(targetName);
    if (target == null && forwarder.offerOpen(message)) {
      return;
    }
    if (target == null) {
      log.info("comm_open for unknown target '{}'; closing comm {}", targetName, commId);
      publish("comm_close", content(commId, Map.of()), CommMessage.of(Map.of()));
      return;
    }
    KernelComm comm = new KernelComm(commId, targetName, this);
    comms.put(commId, comm);
    target.opened(comm, commMessage(message));
  }

  /** {@code comm_msg} from a front end. */
  public void received(Message message) {
    String commId = requireText(message.content(), "comm_id");
    KernelComm comm = comms.get(commId);
    if (comm == null && forwarder.forward(message)) {
      return;
    }
    if (comm == null) {
      log.info("comm_msg for unknown comm {}; ignored", commId);
      return;
    }
    comm.received(commMessage(message));
  }

  /** {@code comm_close} from a front end. */
  public void closed(Message message) {
    String commId = requireText(message.content(), "comm_id");
    KernelComm comm = comms.remove(commId);
    if (comm != null) {
      comm.closedByFrontEnd(commMessage(message));
    } else {
      forwarder.forward(message);
    }
  }

  /** Open comms as {@code comm_info_reply} lists them, optionally for one target. */
  public Map<String, String> openComms(Optional<String> targetName) {
    Map<String, String> open = new java.util.HashMap<>(forwarder.openComms());
    comms.values().forEach(c -> open.put(c.id(), c.targetName()));
    open.values().removeIf(target -> targetName.map(t -> !t.equals(target)).orElse(false));
    return open;
  }

  void forget(String commId) {
    comms.remove(commId);
  }

  void publish(String msgType, ObjectNode content, CommMessage message) {
    ObjectNode parent =
        scope.current().map(Cell::request).map(Message::header).orElse(Json.object());
    Message out = messages.broadcast(parent, msgType, content, message.buffers());
    ObjectNode metadata = (ObjectNode) Json.valueToTree(message.metadata());
    iopub.publish(
        new Message(
            out.identities(),
            out.header(),
            out.parentHeader(),
            metadata,
            out.content(),
            out.buffers()));
  }

  static ObjectNode content(String commId, Map<String, Object> data) {
    ObjectNode content = Json.object();
    content.put("comm_id", commId);
    content.set("data", Json.valueToTree(data == null ? Map.of() : data));
    return content;
  }

  @SuppressWarnings("unchecked")
  private static CommMessage commMessage(Message message) {
    Map<String, Object> data =
        Json.MAPPER.convertValue(
            message.content().path("data").isObject()
                ? message.content().get("data")
                : Json.object(),
            Map.class);
    Map<String, Object> metadata = Json.MAPPER.convertValue(message.metadata(), Map.class);
    return new CommMessage(data, metadata, message.buffers());
  }

  private static String requireText(ObjectNode content, String field) {
    if (!content.path(field).isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return content.get(field).asText();
  }
}
