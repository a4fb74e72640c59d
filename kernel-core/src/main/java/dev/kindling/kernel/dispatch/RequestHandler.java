package dev.kindling.kernel.dispatch;

import dev.kindling.protocol.Message;

/**
 * Handles one message type. The dispatcher has already published {@code busy} and will publish
 * {@code idle} afterwards; the handler does the protocol work and answers through the responder.
 */
@FunctionalInterface
public interface RequestHandler {

  /**
   * @throws Exception any failure; the dispatcher answers with an error reply if none was sent
   */
  void handle(Message request, Responder responder) throws Exception;
}
