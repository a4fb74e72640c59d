package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The kernel's {@code complete_reply}.
 *
 * @param matches the candidate completions
 * @param cursorStart where the text to replace starts
 * @param cursorEnd where it ends
 * @param metadata extra information (for example {@code _jupyter_types_experimental})
 */
public record CompleteReply(
    List<String> matches, int cursorStart, int cursorEnd, Map<String, Object> metadata) {

  static CompleteReply from(ObjectNode content) {
    return new CompleteReply(
        JsonValues.strings(content, "matches"),
        content.path("cursor_start").asInt(0),
        content.path("cursor_end").asInt(0),
        JsonValues.map(content, "metadata"));
  }
}
