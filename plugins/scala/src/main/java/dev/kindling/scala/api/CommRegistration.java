package dev.kindling.scala.api;

import dev.kindling.api.Comm;
import dev.kindling.api.CommMessage;
import dev.kindling.api.CommTarget;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A comm target registered from a cell: front ends opening a comm to it run the open handlers, and
 * the comm's messages and close run the other handlers. Handlers may be added at any time.
 */
public final class CommRegistration implements CommTarget {

  /** Runs when a front end opens a comm to this target. */
  @FunctionalInterface
  public interface OpenHandler {
    void handle(CommChannel comm, String commId, String targetName, Map<String, Object> data);
  }

  /** Runs for each message on a comm of this target. */
  @FunctionalInterface
  public interface MsgHandler {
    void handle(CommChannel comm, String commId, Map<String, Object> data);
  }

  /** Runs when a comm of this target is closed by the front end. */
  @FunctionalInterface
  public interface CloseHandler {
    void handle(CommChannel comm, String commId, Map<String, Object> data);
  }

  private final String targetName;
  private final List<OpenHandler> openHandlers = new CopyOnWriteArrayList<>();
  private final List<MsgHandler> msgHandlers = new CopyOnWriteArrayList<>();
  private final List<CloseHandler> closeHandlers = new CopyOnWriteArrayList<>();

  CommRegistration(String targetName) {
    this.targetName = targetName;
  }

  public CommRegistration addOpenHandler(OpenHandler handler) {
    openHandlers.add(handler);
    return this;
  }

  public CommRegistration addMsgHandler(MsgHandler handler) {
    msgHandlers.add(handler);
    return this;
  }

  public CommRegistration addCloseHandler(CloseHandler handler) {
    closeHandlers.add(handler);
    return this;
  }

  @Override
  public String targetName() {
    return targetName;
  }

  @Override
  public void opened(Comm comm, CommMessage openMessage) {
    CommChannel channel = new CommChannel(comm);
    comm.onMessage(
        message -> msgHandlers.forEach(h -> h.handle(channel, comm.id(), message.data())));
    comm.onClose(
        message -> closeHandlers.forEach(h -> h.handle(channel, comm.id(), message.data())));
    openHandlers.forEach(h -> h.handle(channel, comm.id(), targetName, openMessage.data()));
  }

  @Override
  public String toString() {
    return "CommRegistration(" + targetName + ")";
  }
}
