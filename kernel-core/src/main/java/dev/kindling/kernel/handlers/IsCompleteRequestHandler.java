package dev.kindling.kernel.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.CodeCompleteness;
import dev.kindling.api.Interpreter;
import dev.kindling.kernel.context.InterpreterRegistry;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.dispatch.Responder;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import java.util.Locale;

/** {@code is_complete_request}: always answered, {@code unknown} when the interpreter can't say. */
public final class IsCompleteRequestHandler implements RequestHandler {

  private final InterpreterRegistry interpreters;

  public IsCompleteRequestHandler(InterpreterRegistry interpreters) {
    this.interpreters = interpreters;
  }

  @Override
  public void handle(Message request, Responder responder) {
    String code = Fields.text(request.content(), "code");
    CodeCompleteness verdict;
    try {
      Interpreter interpreter = interpreters.defaultInterpreter();
      verdict = interpreter.isComplete(code);
    } catch (IllegalStateException e) {
      verdict = CodeCompleteness.unknown();
    }
    ObjectNode reply = Json.object();
    reply.put("status", verdict.status().name().toLowerCase(Locale.ROOT));
    if (verdict.status() == CodeCompleteness.Status.INCOMPLETE) {
      reply.put("indent", verdict.indent().orElse(""));
    }
    responder.reply(reply);
  }
}
