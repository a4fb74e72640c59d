package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The kernel's {@code is_complete_reply}.
 *
 * @param status {@code complete}, {@code incomplete}, {@code invalid} or {@code unknown}
 * @param indent for {@code incomplete}, the indent of the next line
 */
public record IsCompleteReply(String status, String indent) {

  static IsCompleteReply from(ObjectNode content) {
    return new IsCompleteReply(
        content.path("status").asText("unknown"), content.path("indent").asText(""));
  }
}
