package dev.kindling.kernel.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Payloads for the running cell's {@code execute_reply} (the pager's {@code "source": "page"},
 * {@code set_next_input}, ...), as child kernels return them. Collected while the cell runs and
 * taken by the reply. Thread-safe.
 */
public final class CellPayloads {

  private final List<ObjectNode> payloads = new ArrayList<>();

  /** Adds a payload to the running cell's reply. */
  public synchronized void add(ObjectNode payload) {
    payloads.add(payload);
  }

  /** The payloads collected since the last call, in order; forgets them. */
  public synchronized List<ObjectNode> take() {
    List<ObjectNode> taken = List.copyOf(payloads);
    payloads.clear();
    return taken;
  }
}
