package dev.kindling.kernel.context;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.Display;
import dev.kindling.api.DisplayHandle;
import dev.kindling.api.DisplayRenderer;
import dev.kindling.api.MimeBundle;
import dev.kindling.kernel.execution.CellPayloads;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rich output for the current cell: {@code display_data}, {@code update_display_data} by display
 * id, {@code clear_output}, and rendering of values through the plugins' renderers.
 */
public final class DisplayService implements Display {

  private static final Logger log = LoggerFactory.getLogger(DisplayService.class);

  private final CellScope scope;
  private final Iopub iopub;
  private final MessageFactory messages;
  private final List<DisplayRenderer> renderers;
  private final CellPayloads payloads;

  public DisplayService(
      CellScope scope, Iopub iopub, MessageFactory messages, List<DisplayRenderer> renderers) {
    this(scope, iopub, messages, renderers, new CellPayloads());
  }

  /**
   * @param payloads where pages go, for the running cell's {@code execute_reply}
   */
  public DisplayService(
      CellScope scope,
      Iopub iopub,
      MessageFactory messages,
      List<DisplayRenderer> renderers,
      CellPayloads payloads) {
    this.payloads = payloads;
    this.scope = scope;
    this.iopub = iopub;
    this.messages = messages;
    this.renderers =
        renderers.stream()
            .sorted(Comparator.comparingInt(DisplayRenderer::priority).reversed())
            .toList();
  }

  @Override
  public void display(MimeBundle bundle) {
    publish("display_data", bundle, null);
  }

  @Override
  public DisplayHandle displayUpdatable(MimeBundle bundle) {
    String displayId = UUID.randomUUID().toString().replace("-", "");
    publish("display_data", bundle, displayId);
    return new DisplayHandle() {
      @Override
      public String displayId() {
        return displayId;
      }

      @Override
      public void update(MimeBundle updated) {
        publish("update_display_data", updated, displayId);
      }
    };
  }

  @Override
  public void clearOutput(boolean wait) {
    ObjectNode content = Json.object();
    content.put("wait", wait);
    iopub.publish(messages.broadcast(parent(), "clear_output", content));
  }

  @Override
  public void page(MimeBundle bundle) {
    boolean executing =
        scope.current().filter(c -> c.request().msgType().equals("execute_request")).isPresent();
    if (!executing) {
      display(bundle);
      return;
    }
    ObjectNode payload = Json.object();
    payload.put("source", "page");
    payload.set("data", Json.valueToTree(render(bundle).data()));
    payload.put("start", 0);
    payloads.add(payload);
  }

  @Override
  public MimeBundle render(Object value) {
    if (value instanceof MimeBundle bundle) {
      return bundle.data().containsKey(MimeBundle.TEXT_PLAIN)
          ? bundle
          : bundle.with(MimeBundle.TEXT_PLAIN, "");
    }
    if (value != null) {
      for (DisplayRenderer renderer : renderers) {
        try {
          Optional<MimeBundle> bundle = renderer.render(value);
          if (bundle.isPresent()) {
            return render(bundle.get());
          }
        } catch (RuntimeException | LinkageError e) {
          log.warn("Display renderer {} failed; trying the next", renderer.getClass().getName(), e);
        }
      }
    }
    return MimeBundle.text(String.valueOf(value));
  }

  private void publish(String msgType, MimeBundle bundle, String displayId) {
    ObjectNode content = Bundles.put(Json.object(), render(bundle));
    ObjectNode transientContent = content.putObject("transient");
    if (displayId != null) {
      transientContent.put("display_id", displayId);
    }
    iopub.publish(messages.broadcast(parent(), msgType, content));
  }

  private Message parent() {
    return scope.current().map(cell -> cell.request()).orElse(null);
  }
}
