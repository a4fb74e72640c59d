package dev.kindling.kernel.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.MimeBundle;
import dev.kindling.kernel.context.Bundles;
import dev.kindling.kernel.context.DisplayService;
import dev.kindling.kernel.dispatch.ErrorContent;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.dispatch.Responder;
import dev.kindling.kernel.execution.CellLifecycle;
import dev.kindling.kernel.execution.CellPayloads;
import dev.kindling.kernel.execution.CellRunner;
import dev.kindling.kernel.execution.ExecutionHistory;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * {@code execute_request}: counts the cell, announces it ({@code execute_input}), runs it, shows
 * its result or error, records history, evaluates {@code user_expressions}, and replies. Silent
 * requests publish no input or result and leave count and history alone.
 */
public final class ExecuteRequestHandler implements RequestHandler {

  private final ExecutionHistory history;
  private final CellRunner runner;
  private final DisplayService display;
  private final Iopub iopub;
  private final MessageFactory messages;
  private final CellLifecycle lifecycle;
  private final CellPayloads payloads;

  /**
   * @param lifecycle runs around each cell, from before its code runs until its result is shown
   * @param payloads what the cell added to its reply: its pages, a child kernel's payloads
   */
  public ExecuteRequestHandler(
      ExecutionHistory history,
      CellRunner runner,
      DisplayService display,
      Iopub iopub,
      MessageFactory messages,
      CellLifecycle lifecycle,
      CellPayloads payloads) {
    this.lifecycle = lifecycle;
    this.payloads = payloads;
    this.history = history;
    this.runner = runner;
    this.display = display;
    this.iopub = iopub;
    this.messages = messages;
  }

  @Override
  public void handle(Message request, Responder responder) {
    ObjectNode content = request.content();
    String code = Fields.text(content, "code");
    boolean silent = Fields.bool(content, "silent", false);
    boolean storeHistory = Fields.bool(content, "store_history", !silent) && !silent;
    boolean allowStdin = Fields.bool(content, "allow_stdin", false);
    ObjectNode userExpressions =
        content.path("user_expressions").isObject()
            ? (ObjectNode) content.get("user_expressions")
            : Json.object();
    String started = MessageFactory.formatDate(Instant.now());

    int count = storeHistory ? history.next() : history.executionCount();
    if (!silent) {
      ObjectNode input = Json.object();
      input.put("code", code);
      input.put("execution_count", count);
      iopub.publish(messages.broadcast(request, "execute_input", input));
    }

    ExecutionRequest cell = new ExecutionRequest(code, count, silent, storeHistory, allowStdin);
    ExecutionResult result;
    Optional<MimeBundle> shown = Optional.empty();
    payloads.take(); // nothing left over from requests that did not reply
    // The cell's scope covers rendering its value (a DataFrame runs a Spark job to render), and
    // ends before the result is published, so the cell's final progress comes before it.
    try (CellLifecycle.Scope running = lifecycle.starting(cell)) {
      result = runner.run(cell);
      if (result instanceof ExecutionResult.Value value) {
        shown = Optional.of(display.render(value.value()));
      }
    }
    Optional<String> textOutput = publishResult(request, result, shown, count, silent);
    ObjectNode reply =
        result instanceof ExecutionResult.Error error ? ErrorContent.of(error) : ok();
    if (storeHistory) {
      history.add(count, code, textOutput);
    }
    reply.put("execution_count", count);
    if (reply.path("status").asText().equals("ok")) {
      payloads.take().forEach(reply.putArray("payload")::add);
      reply.set("user_expressions", evaluate(userExpressions, count));
    }
    ObjectNode metadata = Json.object();
    metadata.put("started", started);
    metadata.put("status", reply.path("status").asText());
    responder.reply(reply, metadata);
  }

  /** Shows the cell's error or result; returns the result's text for history. */
  private Optional<String> publishResult(
      Message request,
      ExecutionResult result,
      Optional<MimeBundle> shown,
      int count,
      boolean silent) {
    if (result instanceof ExecutionResult.Error error) {
      iopub.publish(messages.broadcast(request, "error", errorOutput(error)));
      return Optional.empty();
    }
    if (shown.isPresent()) {
      MimeBundle bundle = shown.get();
      if (!silent) {
        ObjectNode output = Bundles.put(Json.object(), bundle);
        output.put("execution_count", count);
        iopub.publish(messages.broadcast(request, "execute_result", output));
      }
      return Optional.ofNullable(bundle.data().get(MimeBundle.TEXT_PLAIN)).map(String::valueOf);
    }
    return Optional.empty();
  }

  private ObjectNode evaluate(ObjectNode expressions, int count) {
    ObjectNode results = Json.object();
    Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields =
        expressions.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      ExecutionResult result =
          field.getValue().isTextual()
              ? runner.run(
                  new ExecutionRequest(field.getValue().asText(), count, true, false, false))
              : ExecutionResult.error(
                  "TypeError", "a user expression must be a string", java.util.List.of());
      ObjectNode evaluated;
      if (result instanceof ExecutionResult.Error error) {
        evaluated = ErrorContent.of(error);
      } else {
        Object value = result instanceof ExecutionResult.Value v ? v.value() : "";
        evaluated = Bundles.put(Json.object(), display.render(value));
        evaluated.put("status", "ok");
      }
      results.set(field.getKey(), evaluated);
    }
    return results;
  }

  private static ObjectNode errorOutput(ExecutionResult.Error error) {
    ObjectNode output = ErrorContent.of(error);
    output.remove("status");
    return output;
  }

  private static ObjectNode ok() {
    ObjectNode reply = Json.object();
    reply.put("status", "ok");
    return reply;
  }
}
