package dev.kindling.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's {@code history_reply}.
 *
 * @param entries the history entries, oldest first
 */
public record HistoryReply(List<Entry> entries) {

  public HistoryReply {
    entries = List.copyOf(entries);
  }

  /**
   * One history entry.
   *
   * @param session the kernel session number
   * @param line the execution count within that session
   * @param input the code
   * @param output the output's text, when output was requested and there was one
   */
  public record Entry(int session, int line, String input, Optional<String> output) {}

  static HistoryReply from(ObjectNode content) {
    List<Entry> entries = new ArrayList<>();
    for (JsonNode item : content.path("history")) {
      JsonNode input = item.path(2);
      String code = input.isArray() ? input.path(0).asText("") : input.asText("");
      Optional<String> output =
          input.isArray() && !input.path(1).isNull() && !input.path(1).isMissingNode()
              ? Optional.of(input.path(1).asText())
              : Optional.empty();
      entries.add(new Entry(item.path(0).asInt(0), item.path(1).asInt(0), code, output));
    }
    return new HistoryReply(entries);
  }
}
