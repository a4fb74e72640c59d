package dev.kindling.kernel.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.comm.CommRegistry;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.dispatch.Responder;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import java.util.Optional;

/** {@code comm_info_request}: the open comms, optionally for one target. */
public final class CommInfoRequestHandler implements RequestHandler {

  private final CommRegistry comms;

  public CommInfoRequestHandler(CommRegistry comms) {
    this.comms = comms;
  }

  @Override
  public void handle(Message request, Responder responder) {
    Optional<String> target =
        Optional.ofNullable(Fields.text(request.content(), "target_name", null));
    ObjectNode reply = Json.object();
    reply.put("status", "ok");
    ObjectNode list = reply.putObject("comms");
    comms.openComms(target).forEach((id, name) -> list.putObject(id).put("target_name", name));
    responder.reply(reply);
  }
}
