package dev.kindling.kernel.testplugin;

import dev.kindling.api.Comm;
import dev.kindling.api.CommMessage;
import dev.kindling.api.CommTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Comm target {@code rpc-echo}, the kernel side of the client library's RPC convention: every
 * message is answered with one reply whose data holds the request's {@code _rpc_id} unchanged,
 * {@code echo} (the request's data without the id) and, when the request has a number {@code x},
 * {@code square} (x * x) — the same function applied to different data values.
 */
@Extension
public final class RpcEchoCommTarget implements CommTarget {

  static final String RPC_ID = "_rpc_id";

  @Override
  public String targetName() {
    return "rpc-echo";
  }

  @Override
  public void opened(Comm comm, CommMessage openMessage) {
    comm.onMessage(message -> comm.send(reply(message.data())));
  }

  static Map<String, Object> reply(Map<String, Object> request) {
    Map<String, Object> echo = new LinkedHashMap<>(request);
    Object rpcId = echo.remove(RPC_ID);
    Map<String, Object> reply = new LinkedHashMap<>();
    if (rpcId != null) {
      reply.put(RPC_ID, rpcId);
    }
    reply.put("echo", echo);
    if (request.get("x") instanceof Number x) {
      reply.put("square", x.longValue() * x.longValue());
    }
    return reply;
  }
}
