package dev.kindling.kernel.handlers;

import dev.kindling.kernel.comm.CommRegistry;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.dispatch.Responder;
import dev.kindling.protocol.Message;

/** {@code comm_msg} from a front end; no reply. */
public final class CommMsgHandler implements RequestHandler {

  private final CommRegistry comms;

  public CommMsgHandler(CommRegistry comms) {
    this.comms = comms;
  }

  @Override
  public void handle(Message request, Responder responder) {
    comms.received(request);
  }
}
