package dev.kindling.api;

import java.util.Map;
import java.util.function.Consumer;

/**
 * An open comm: a bidirectional channel between kernel-side code and the front end. Thread-safe;
 * messages sent on it are published in order.
 */
public interface Comm {

  /** The comm's id, unique in this kernel. */
  String id();

  /** The target the comm was opened for. */
  String targetName();

  /** Sends a {@code comm_msg} to the front end. */
  void send(CommMessage message);

  /** Sends a {@code comm_msg} with data only. */
  default void send(Map<String, Object> data) {
    send(CommMessage.of(data));
  }

  /** Calls {@code handler} for each message the front end sends on this comm. */
  void onMessage(Consumer<CommMessage> handler);

  /** Calls {@code handler} once when the front end closes the comm. */
  void onClose(Consumer<CommMessage> handler);

  /** Closes the comm and tells the front end with {@code comm_close}. */
  void close(Map<String, Object> data);

  /** True once either side has closed the comm. */
  boolean isClosed();
}
