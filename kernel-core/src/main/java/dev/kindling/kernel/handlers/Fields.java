package dev.kindling.kernel.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed reads of request content; a wrong type fails the request with a message naming the field.
 */
final class Fields {

  private Fields() {}

  static String text(ObjectNode content, String field) {
    JsonNode value = content.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be a string");
    }
    return value.asText();
  }

  static String text(ObjectNode content, String field, String defaultValue) {
    JsonNode value = content.get(field);
    return value == null || value.isNull() ? defaultValue : text(content, field);
  }

  static int integer(ObjectNode content, String field, int defaultValue) {
    JsonNode value = content.get(field);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("'" + field + "' must be an integer");
    }
    return value.asInt();
  }

  static boolean bool(ObjectNode content, String field, boolean defaultValue) {
    JsonNode value = content.get(field);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      throw new IllegalArgumentException("'" + field + "' must be true or false");
    }
    return value.asBoolean();
  }
}
