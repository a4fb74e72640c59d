package dev.kindling.scala.api;

import dev.kindling.api.Comm;
import java.util.LinkedHashMap;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/** An open comm as cells see it (Toree's {@code CommWriter}). */
public final class CommChannel {

  private final Comm comm;

  CommChannel(Comm comm) {
    this.comm = comm;
  }

  public String id() {
    return comm.id();
  }

  public String targetName() {
    return comm.targetName();
  }

  public void send(Map<String, ?> data) {
    comm.send(new LinkedHashMap<String, Object>(data));
  }

  public void send(scala.collection.Map<String, Object> data) {
    send(toJava(data));
  }

  /** Toree's name for {@link #send}. */
  public void writeMsg(Map<String, ?> data) {
    send(data);
  }

  public void writeMsg(scala.collection.Map<String, Object> data) {
    send(data);
  }

  /** Calls {@code handler} for each message the front end sends on this comm. */
  public CommChannel addMsgHandler(CommRegistration.MsgHandler handler) {
    comm.onMessage(message -> handler.handle(this, comm.id(), message.data()));
    return this;
  }

  /** Calls {@code handler} when the front end closes this comm. */
  public CommChannel addCloseHandler(CommRegistration.CloseHandler handler) {
    comm.onClose(message -> handler.handle(this, comm.id(), message.data()));
    return this;
  }

  public void close() {
    comm.close(Map.of());
  }

  public boolean isClosed() {
    return comm.isClosed();
  }

  static Map<String, Object> toJava(scala.collection.Map<String, Object> data) {
    return new LinkedHashMap<>(CollectionConverters.asJava(data));
  }

  @Override
  public String toString() {
    return "CommChannel(" + comm.targetName() + ", " + comm.id() + ")";
  }
}
