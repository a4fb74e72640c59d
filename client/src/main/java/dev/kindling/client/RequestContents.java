package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Json;
import java.util.Map;

/** The {@code content} of each request the client sends, as the messaging spec defines it. */
final class RequestContents {

  private RequestContents() {}

  static ObjectNode execute(String code, ExecuteOptions options) {
    ObjectNode content = Json.object();
    content.put("code", code);
    content.put("silent", options.silent());
    content.put("store_history", options.storeHistory());
    content.set("user_expressions", JsonValues.object(options.userExpressions()));
    content.put("allow_stdin", options.allowStdin());
    content.put("stop_on_error", options.stopOnError());
    return content;
  }

  static ObjectNode complete(String code, int cursorPos) {
    ObjectNode content = Json.object();
    content.put("code", code);
    content.put("cursor_pos", cursorPos);
    return content;
  }

  static ObjectNode inspect(String code, int cursorPos, int detailLevel) {
    ObjectNode content = complete(code, cursorPos);
    content.put("detail_level", detailLevel);
    return content;
  }

  static ObjectNode isComplete(String code) {
    ObjectNode content = Json.object();
    content.put("code", code);
    return content;
  }

  static ObjectNode historyTail(int n, boolean output) {
    ObjectNode content = history("tail", output);
    content.put("n", n);
    return content;
  }

  static ObjectNode historyRange(int session, int start, int stop, boolean output) {
    ObjectNode content = history("range", output);
    content.put("session", session);
    content.put("start", start);
    content.put("stop", stop);
    return content;
  }

  static ObjectNode historySearch(String pattern, int n, boolean unique, boolean output) {
    ObjectNode content = history("search", output);
    content.put("pattern", pattern);
    content.put("n", n);
    content.put("unique", unique);
    return content;
  }

  private static ObjectNode history(String accessType, boolean output) {
    ObjectNode content = Json.object();
    content.put("hist_access_type", accessType);
    content.put("output", output);
    content.put("raw", true);
    return content;
  }

  static ObjectNode commInfo(String targetName) {
    ObjectNode content = Json.object();
    content.put("target_name", targetName);
    return content;
  }

  static ObjectNode shutdown(boolean restart) {
    ObjectNode content = Json.object();
    content.put("restart", restart);
    return content;
  }

  static ObjectNode commOpen(String commId, String targetName, Map<String, ?> data) {
    ObjectNode content = Json.object();
    content.put("comm_id", commId);
    content.put("target_name", targetName);
    content.set("data", JsonValues.object(data));
    return content;
  }

  static ObjectNode inputReply(String value) {
    ObjectNode content = Json.object();
    content.put("value", value);
    return content;
  }
}
