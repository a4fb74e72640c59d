package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The kernel's {@code interrupt_reply}.
 *
 * @param status {@code ok} when the kernel accepted the interrupt
 */
public record InterruptReply(String status) {

  static InterruptReply from(ObjectNode content) {
    return new InterruptReply(content.path("status").asText(""));
  }
}
