package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel's {@code execute_reply}.
 *
 * @param status {@code ok}, {@code error} or {@code aborted}
 * @param executionCount the cell's execution count
 * @param error the error, when the status is {@code error}
 * @param userExpressions the values of the requested user expressions, by name
 */
public record ExecuteReply(
    String status,
    int executionCount,
    Optional<Output.Error> error,
    Map<String, Object> userExpressions) {

  /** True when the code ran without error. */
  public boolean ok() {
    return status.equals("ok");
  }

  static ExecuteReply from(ObjectNode content) {
    String status = content.path("status").asText("");
    Optional<Output.Error> error =
        status.equals("error")
            ? Optional.of(
                new Output.Error(
                    content.path("ename").asText(""),
                    content.path("evalue").asText(""),
                    JsonValues.strings(content, "traceback")))
            : Optional.empty();
    return new ExecuteReply(
        status,
        content.path("execution_count").asInt(0),
        error,
        JsonValues.map(content, "user_expressions"));
  }
}
