package dev.kindling.kernel.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.dispatch.Responder;
import dev.kindling.kernel.execution.ExecutionHistory;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import java.util.List;

/** {@code history_request}: tail, range and search over this session's stored cells. */
public final class HistoryRequestHandler implements RequestHandler {

  private final ExecutionHistory history;

  public HistoryRequestHandler(ExecutionHistory history) {
    this.history = history;
  }

  @Override
  public void handle(Message request, Responder responder) {
    ObjectNode content = request.content();
    boolean output = Fields.bool(content, "output", false);
    String access = Fields.text(content, "hist_access_type", "tail");
    List<ExecutionHistory.Entry> entries =
        switch (access) {
          case "tail" -> history.tail(Fields.integer(content, "n", 10));
          case "range" ->
              history.range(
                  Fields.integer(content, "session", 0),
                  Fields.integer(content, "start", 0),
                  Fields.integer(content, "stop", 0));
          case "search" ->
              history.search(
                  Fields.text(content, "pattern", "*"),
                  Fields.integer(content, "n", 0),
                  Fields.bool(content, "unique", false));
          default ->
              throw new IllegalArgumentException(
                  "hist_access_type must be tail, range or search, not '" + access + "'");
        };
    ObjectNode reply = Json.object();
    reply.put("status", "ok");
    ArrayNode list = reply.putArray("history");
    for (ExecutionHistory.Entry entry : entries) {
      ArrayNode item = list.addArray().add(entry.session()).add(entry.line());
      if (output) {
        ArrayNode pair = item.addArray().add(entry.input());
        entry.output().ifPresentOrElse(pair::add, pair::addNull);
      } else {
        item.add(entry.input());
      }
    }
    responder.reply(reply);
  }
}
