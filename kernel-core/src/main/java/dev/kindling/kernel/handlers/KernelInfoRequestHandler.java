package dev.kindling.kernel.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.LanguageInfo;
import dev.kindling.kernel.dispatch.RequestHandler;
import dev.kindling.kernel.dispatch.Responder;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;

/**
 * {@code kernel_info_request}, on shell and control. Answered at once from what is known without
 * starting any interpreter, so front ends connect while interpreters still start.
 */
public final class KernelInfoRequestHandler implements RequestHandler {

  /** The protocol version Kindling implements, including the 5.5 additions it supports. */
  public static final String PROTOCOL_VERSION = "5.5";

  private final ObjectNode reply;

  public KernelInfoRequestHandler(String kernelVersion, LanguageInfo language, String banner) {
    reply = Json.object();
    reply.put("status", "ok");
    reply.put("protocol_version", PROTOCOL_VERSION);
    reply.put("implementation", "kindling");
    reply.put("implementation_version", kernelVersion);
    ObjectNode info = reply.putObject("language_info");
    info.put("name", language.name());
    info.put("version", language.version());
    info.put("mimetype", language.mimetype());
    info.put("file_extension", language.fileExtension());
    info.put("pygments_lexer", language.pygmentsLexer());
    info.put("codemirror_mode", language.codemirrorMode());
    info.put("nbconvert_exporter", "script");
    reply.put("banner", banner);
    ObjectNode link = reply.putArray("help_links").addObject();
    link.put("text", "Kindling");
    link.put("url", "https://github.com/kindling-dev/kindling");
    reply.putArray("supported_features");
  }

  @Override
  public void handle(Message request, Responder responder) {
    responder.reply(reply.deepCopy());
  }
}
