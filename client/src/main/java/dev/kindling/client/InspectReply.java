package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The kernel's {@code inspect_reply}.
 *
 * @param found whether the kernel found something to show
 * @param data the mime bundle to show (empty when nothing was found)
 * @param metadata display metadata
 */
public record InspectReply(boolean found, Map<String, Object> data, Map<String, Object> metadata) {

  static InspectReply from(ObjectNode content) {
    return new InspectReply(
        content.path("found").asBoolean(false),
        JsonValues.map(content, "data"),
        JsonValues.map(content, "metadata"));
  }
}
