package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The kernel's {@code shutdown_reply}. The kernel process exits after sending it; with {@code
 * restart} it is up to whoever started the kernel (a {@link KernelProcess}, a notebook server) to
 * start it again.
 *
 * @param status {@code ok} when the kernel is shutting down
 * @param restart the request's {@code restart} flag, echoed
 */
public record ShutdownReply(String status, boolean restart) {

  static ShutdownReply from(ObjectNode content) {
    return new ShutdownReply(
        content.path("status").asText(""), content.path("restart").asBoolean(false));
  }
}
