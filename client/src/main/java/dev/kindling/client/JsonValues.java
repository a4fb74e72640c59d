package dev.kindling.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts message JSON to the plain Java values (maps, lists, strings, numbers) the API uses. */
final class JsonValues {

  private JsonValues() {}

  /** The object field {@code name} as an unmodifiable map; empty when absent or not an object. */
  static Map<String, Object> map(JsonNode parent, String name) {
    return map(parent.path(name));
  }

  /** An object node as an unmodifiable map; empty when {@code node} is not an object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(Json.MAPPER.convertValue(node, LinkedHashMap.class));
  }

  /** The array field {@code name} as a list of strings; empty when absent. */
  static List<String> strings(JsonNode parent, String name) {
    List<String> values = new ArrayList<>();
    parent.path(name).forEach(value -> values.add(value.asText()));
    return List.copyOf(values);
  }

  /** A map of plain Java values as a JSON object. */
  static ObjectNode object(Map<String, ?> values) {
    JsonNode node = Json.valueToTree(values == null ? Map.of() : values);
    if (!node.isObject()) {
      throw new IllegalArgumentException("not a JSON object: " + values);
    }
    return (ObjectNode) node;
  }
}
