package dev.kindling.kernel.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.dispatch.Responder;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code shutdown_request}: replies with {@code restart} echoed, broadcasts the same reply on IOPub
 * (as ipykernel does), then has the kernel stop once the reply is on its way. A restart is the
 * kernel manager's job: the kernel just exits.
 */
public final class ShutdownRequestHandler implements RequestHandler {

  private final Iopub iopub;
  private final MessageFactory messages;
  private final Consumer<CompletableFuture<Void>> shutdown;

  /**
   * @param shutdown stops the kernel after the given reply delivery completes
   */
  public ShutdownRequestHandler(
      Iopub iopub, MessageFactory messages, Consumer<CompletableFuture<Void>> shutdown) {
    this.iopub = iopub;
    this.messages = messages;
    this.shutdown = shutdown;
  }

  @Override
  public void handle(Message request, Responder responder) {
    boolean restart = Fields.bool(request.content(), "restart", false);
    ObjectNode reply = Json.object();
    reply.put("status", "ok");
    reply.put("restart", restart);
    responder.reply(reply);
    iopub.publish(messages.broadcast(request, "shutdown_reply", reply.deepCopy()));
    shutdown.accept(responder.delivery());
  }
}
