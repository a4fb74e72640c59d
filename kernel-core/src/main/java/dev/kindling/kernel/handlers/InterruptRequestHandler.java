package dev.kindling.kernel.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.dispatch.Responder;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;

/**
 * {@code interrupt_request} (control): interrupts whichever cell is running, whoever sent it. The
 * kernel, its state and the queued requests are untouched.
 */
public final class InterruptRequestHandler implements RequestHandler {

  private final Runnable interruptRunningCell;

  /**
   * @param interruptRunningCell interrupts the cell running now, if any
   */
  public InterruptRequestHandler(Runnable interruptRunningCell) {
    this.interruptRunningCell = interruptRunningCell;
  }

  @Override
  public void handle(Message request, Responder responder) {
    interruptRunningCell.run();
    ObjectNode reply = Json.object();
    reply.put("status", "ok");
    responder.reply(reply);
  }
}
