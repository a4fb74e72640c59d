package dev.kindling.kernel.comm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.Comm;
import dev.kindling.api.CommMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One open comm; messages go out through the registry, which knows the current cell. */
final class KernelComm implements Comm {

  private static final Logger log = LoggerFactory.getLogger(KernelComm.class);

  private final String id;
  private final String targetName;
  private final CommRegistry registry;
  private final List<Consumer<CommMessage>> messageHandlers = new CopyOnWriteArrayList<>();
  private final List<Consumer<CommMessage>> closeHandlers = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  KernelComm(String id, String targetName, CommRegistry registry) {
    this.id = id;
    this.targetName = targetName;
    this.registry = registry;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String targetName() {
    return targetName;
  }

  @Override
  public void send(CommMessage message) {
    if (closed) {
      throw new IllegalStateException("comm " + id + " is closed");
    }
    ObjectNode content = CommRegistry.content(id, message.data());
    registry.publish("comm_msg", content, message);
  }

  @Override
  public void onMessage(Consumer<CommMessage> handler) {
    messageHandlers.add(handler);
  }

  @Override
  public void onClose(Consumer<CommMessage> handler) {
    closeHandlers.add(handler);
  }

  @Override
  public void close(Map<String, Object> data) {
    if (closed) {
      return;
    }
    closed = true;
    registry.forget(id);
    registry.publish("comm_close", CommRegistry.content(id, data), CommMessage.of(data));
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  void received(CommMessage message) {
    for (Consumer<CommMessage> handler : messageHandlers) {
      handler.accept(message);
    }
  }

  void closedByFrontEnd(CommMessage message) {
    closed = true;
    for (Consumer<CommMessage> handler : closeHandlers) {
      try {
        handler.accept(message);
      } catch (RuntimeException e) {
        log.warn("Close handler of comm {} failed", id, e);
      }
    }
  }
}
