package dev.kindling.kernel.dispatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.ExecutionResult;
import dev.kindling.protocol.Json;
import java.util.ArrayList;
import java.util.List;

/** Error contents in the protocol's shape ({@code ename}, {@code evalue}, {@code traceback}). */
public final class ErrorContent {

  private ErrorContent() {}

  /** Reply or {@code error} message content for a failure. */
  public static ObjectNode of(ExecutionResult.Error error) {
    ObjectNode content = Json.object();
    content.put("status", "error");
    content.put("ename", error.name());
    content.put("evalue", error.message());
    ArrayNode traceback = content.putArray("traceback");
    error.traceback().forEach(traceback::add);
    return content;
  }

  /**
   * An error for an exception: its simple class name, its message, and the stack down to where the
   * kernel called into user code (the kernel's own frames say nothing to the user).
   */
  public static ExecutionResult.Error fromException(Throwable e) {
    List<String> traceback = new ArrayList<>();
    Throwable cause = e;
    while (cause != null) {
      traceback.add((cause == e ? "" : "Caused by: ") + cause);
      for (StackTraceElement frame : cause.getStackTrace()) {
        if (frame.getClassName().startsWith("dev.kindling.kernel.")) {
          break;
        }
        traceback.add("\tat " + frame);
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    return new ExecutionResult.Error(e.getClass().getSimpleName(), message, traceback);
  }
}
