package dev.kindling.kernel.iopub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Message;

/**
 * The kernel's one way out to IOPub. Every producer (handlers, user code's output, comms, displays)
 * goes through it, so what reaches front ends keeps the order it was handed over in. Stream text is
 * batched and always sent before any later message. Thread-safe and safe to call from a thread that
 * has been interrupted.
 */
public interface Iopub {

  /** Sends a message after everything handed over before it. */
  void publish(Message message);

  /** Adds stream text ({@code stdout} or {@code stderr}) for the cell with this parent header. */
  void stream(ObjectNode parentHeader, String name, String text);

  /** Waits until everything handed over before this call has been sent. */
  void flush();
}
