package dev.kindling.kernel.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.Completion;
import dev.kindling.kernel.context.InterpreterRegistry;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.dispatch.Responder;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;

/** {@code complete_request}: the default interpreter's candidates, positions in code points. */
public final class CompleteRequestHandler implements RequestHandler {

  private final InterpreterRegistry interpreters;

  public CompleteRequestHandler(InterpreterRegistry interpreters) {
    this.interpreters = interpreters;
  }

  @Override
  public void handle(Message request, Responder responder) {
    String code = Fields.text(request.content(), "code");
    int cursor =
        Fields.integer(request.content(), "cursor_pos", code.codePointCount(0, code.length()));
    int index = CursorPositions.toIndex(code, cursor);
    Completion completion = interpreters.defaultInterpreter().complete(code, index);
    ObjectNode reply = Json.object();
    reply.put("status", "ok");
    completion.matches().forEach(reply.putArray("matches")::add);
    reply.put("cursor_start", CursorPositions.toCodePoints(code, completion.start()));
    reply.put("cursor_end", CursorPositions.toCodePoints(code, completion.end()));
    reply.putObject("metadata");
    responder.reply(reply);
  }
}
