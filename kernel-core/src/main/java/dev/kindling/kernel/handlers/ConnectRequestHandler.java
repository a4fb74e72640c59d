package dev.kindling.kernel.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.dispatch.Responder;
import dev.kindling.protocol.ConnectionInfo;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;

/** {@code connect_request} (deprecated, still answered): the kernel's ports. */
public final class ConnectRequestHandler implements RequestHandler {

  private final ConnectionInfo connection;

  public ConnectRequestHandler(ConnectionInfo connection) {
    this.connection = connection;
  }

  @Override
  public void handle(Message request, Responder responder) {
    ObjectNode reply = Json.object();
    reply.put("status", "ok");
    reply.put("shell_port", connection.shellPort());
    reply.put("iopub_port", connection.iopubPort());
    reply.put("stdin_port", connection.stdinPort());
    reply.put("control_port", connection.controlPort());
    reply.put("hb_port", connection.hbPort());
    responder.reply(reply);
  }
}
