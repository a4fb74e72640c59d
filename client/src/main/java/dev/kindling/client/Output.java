package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Message;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One output of an execution as IOPub delivers it: stream text, rich displays and their updates,
 * clear requests, the result, or the error. Mime bundles are maps from mime type to value ({@code
 * text/plain} to a string, {@code application/json} to a map, ...).
 */
public sealed interface Output {

  /**
   * Text written to standard output or standard error.
   *
   * @param name {@code stdout} or {@code stderr}
   * @param text the text, as batched by the kernel (not necessarily whole lines)
   */
  record Stream(String name, String text) implements Output {}

  /**
   * A rich display ({@code display_data}).
   *
   * @param data the mime bundle
   * @param metadata display metadata
   * @param displayId the id later updates refer to, when the display is updatable
   */
  record DisplayData(
      Map<String, Object> data, Map<String, Object> metadata, Optional<String> displayId)
      implements Output {}

  /**
   * New content for an earlier display ({@code update_display_data}).
   *
   * @param data the new mime bundle
   * @param metadata display metadata
   * @param displayId the display to update
   */
  record UpdateDisplayData(Map<String, Object> data, Map<String, Object> metadata, String displayId)
      implements Output {}

  /**
   * A request to clear the cell's output ({@code clear_output}).
   *
   * @param waitForNext true to clear only when the next output arrives
   */
  record ClearOutput(boolean waitForNext) implements Output {}

  /**
   * The value of the cell ({@code execute_result}).
   *
   * @param executionCount the cell's execution count
   * @param data the mime bundle
   * @param metadata result metadata
   */
  record ExecuteResult(int executionCount, Map<String, Object> data, Map<String, Object> metadata)
      implements Output {

    /** The {@code text/plain} form of the result, if any. */
    public Optional<String> text() {
      return Optional.ofNullable(data.get("text/plain")).map(String::valueOf);
    }
  }

  /**
   * The error that ended the cell ({@code error}).
   *
   * @param ename the error's name, for example {@code Interrupted}
   * @param evalue the error's message
   * @param traceback the traceback lines
   */
  record Error(String ename, String evalue, List<String> traceback) implements Output {}

  /** The output an IOPub message carries, if it is one of the output types. */
  static Optional<Output> from(Message message) {
    ObjectNode content = message.content();
    return switch (message.msgType()) {
      case "stream" ->
          Optional.of(new Stream(content.path("name").asText(""), content.path("text").asText("")));
      case "display_data" ->
          Optional.of(
              new DisplayData(
                  JsonValues.map(content, "data"),
                  JsonValues.map(content, "metadata"),
                  displayId(content)));
      case "update_display_data" ->
          Optional.of(
              new UpdateDisplayData(
                  JsonValues.map(content, "data"),
                  JsonValues.map(content, "metadata"),
                  displayId(content).orElse("")));
      case "clear_output" -> Optional.of(new ClearOutput(content.path("wait").asBoolean(false)));
      case "execute_result" ->
          Optional.of(
              new ExecuteResult(
                  content.path("execution_count").asInt(0),
                  JsonValues.map(content, "data"),
                  JsonValues.map(content, "metadata")));
      case "error" ->
          Optional.of(
              new Error(
                  content.path("ename").asText(""),
                  content.path("evalue").asText(""),
                  JsonValues.strings(content, "traceback")));
      default -> Optional.empty();
    };
  }

  private static Optional<String> displayId(ObjectNode content) {
    return Optional.of(content.path("transient").path("display_id"))
        .filter(id -> id.isTextual())
        .map(id -> id.asText());
  }
}
