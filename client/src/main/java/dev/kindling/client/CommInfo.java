package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's {@code comm_info_reply}.
 *
 * @param comms the open comms: comm id to target name
 */
public record CommInfo(Map<String, String> comms) {

  public CommInfo {
    comms = Map.copyOf(comms);
  }

  static CommInfo from(ObjectNode content) {
    Map<String, String> comms = new LinkedHashMap<>();
    content
        .path("comms")
        .fields()
        .forEachRemaining(
            entry -> comms.put(entry.getKey(), entry.getValue().path("target_name").asText("")));
    return new CommInfo(comms);
  }
}
