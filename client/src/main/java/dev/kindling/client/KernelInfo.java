package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The kernel's {@code kernel_info_reply}.
 *
 * @param protocolVersion the messaging protocol version the kernel speaks
 * @param implementation the kernel's name, for example {@code kindling}
 * @param implementationVersion the kernel's version
 * @param languageInfo the {@code language_info} object ({@code name}, {@code version}, ...)
 * @param banner the kernel's banner text
 */
public record KernelInfo(
    String protocolVersion,
    String implementation,
    String implementationVersion,
    Map<String, Object> languageInfo,
    String banner) {

  /** The language's name from {@code language_info}. */
  public String languageName() {
    return String.valueOf(languageInfo.getOrDefault("name", ""));
  }

  static KernelInfo from(ObjectNode content) {
    return new KernelInfo(
        content.path("protocol_version").asText(""),
        content.path("implementation").asText(""),
        content.path("implementation_version").asText(""),
        JsonValues.map(content, "language_info"),
        content.path("banner").asText(""));
  }
}
