package dev.kindling.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message received on a comm.
 *
 * @param data the message's {@code data}
 * @param metadata the message's metadata
 * @param buffers binary buffers sent with it
 */
public record CommMessage(
    Map<String, Object> data, Map<String, Object> metadata, List<byte[]> buffers) {

  public CommMessage {
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    buffers = List.copyOf(buffers);
  }
}
