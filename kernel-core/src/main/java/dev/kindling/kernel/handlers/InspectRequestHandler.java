package dev.kindling.kernel.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.MimeBundle;
import dev.kindling.kernel.context.Bundles;
import dev.kindling.kernel.context.InterpreterRegistry;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.dispatch.Responder;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import java.util.Map;
import java.util.Optional;

/** {@code inspect_request}: the default interpreter's documentation for the code at the cursor. */
public final class InspectRequestHandler implements RequestHandler {

  private final InterpreterRegistry interpreters;

  public InspectRequestHandler(InterpreterRegistry interpreters) {
    this.interpreters = interpreters;
  }

  @Override
  public void handle(Message request, Responder responder) {
    String code = Fields.text(request.content(), "code");
    int cursor =
        Fields.integer(request.content(), "cursor_pos", code.codePointCount(0, code.length()));
    int detail = Fields.integer(request.content(), "detail_level", 0);
    Optional<MimeBundle> found =
        interpreters
            .defaultInterpreter()
            .inspect(code, CursorPositions.toIndex(code, cursor), detail);
    ObjectNode reply = Json.object();
    reply.put("status", "ok");
    reply.put("found", found.isPresent());
    Bundles.put(reply, found.orElse(new MimeBundle(Map.of(), Map.of())));
    responder.reply(reply);
  }
}
