package dev.kindling.api;

import java.util.List;
import java.util.Map;

/**
 * One message on a comm.
 *
 * @param data the JSON payload
 * @param metadata the message's metadata
 * @param buffers raw binary buffers sent beside the JSON
 */
public record CommMessage(
    Map<String, Object> data, Map<String, Object> metadata, List<byte[]> buffers) {

  public CommMessage {
    data = data == null ? Map.of() : data;
    metadata = metadata == null ? Map.of() : metadata;
    buffers = buffers == null ? List.of() : List.copyOf(buffers);
  }

  /** A message with data only. */
  public static CommMessage of(Map<String, Object> data) {
    return new CommMessage(data, Map.of(), List.of());
  }
}
