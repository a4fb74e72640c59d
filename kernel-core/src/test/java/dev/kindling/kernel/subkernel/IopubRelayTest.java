package dev.kindling.kernel.subkernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.kernel.execution.Cell;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.RecordingIopub;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IopubRelayTest {

  private final MessageFactory kernel = new MessageFactory("kernel-session", "kindling");
  private final MessageFactory child = new MessageFactory("child-session", "child");
  private final RecordingIopub iopub = new RecordingIopub(kernel);
  private final CellScope scope = new CellScope();
  private final Map<String, ChildRequest> requests = new HashMap<>();
  private final List<String> opened = new ArrayList<>();
  private final IopubRelay relay =
      new IopubRelay(
          "Python",
          id -> Optional.ofNullable(requests.get(id)),
          new ChildComms() {
            @Override
            public void openedByChild(String commId, String targetName) {
              opened.add(commId + ":" + targetName);
            }

            @Override
            public void closedByChild(String commId) {
              opened.remove(commId);
            }
          },
          scope,
          iopub,
          kernel);

  private Message childOutput(Message parent, String type, ObjectNode content) {
    return child.broadcast(parent, type, content);
  }

  private static ObjectNode stream(String text) {
    ObjectNode content = Json.object();
    content.put("name", "stdout");
    content.put("text", text);
    return content;
  }

  private static ObjectNode state(String state) {
    ObjectNode content = Json.object();
    content.put("execution_state", state);
    return content;
  }

  @Test
  void outputIsReparentedOntoTheFrontEndsRequestInOrderAndStatusIsDropped() {
    Message frontEnd = kernel.request("execute_request", Json.object());
    Message toChild = child.request("execute_request", Json.object());
    ChildRequest request = new ChildRequest(Optional.of(frontEnd.header()), true);
    requests.put(toChild.msgId(), request);

    relay.relay(childOutput(toChild, "status", state("busy")));
    relay.relay(childOutput(toChild, "execute_input", Json.object()));
    relay.relay(childOutput(toChild, "stream", stream("one\n")));
    ObjectNode display = Json.object();
    display.putObject("data").put("text/plain", "two");
    relay.relay(childOutput(toChild, "display_data", display));
    relay.relay(childOutput(toChild, "execute_result", display.deepCopy()));
    relay.relay(childOutput(toChild, "status", state("idle")));
    iopub.flush();

    List<Message> sent = iopub.sent();
    assertThat(sent).extracting(Message::msgType).containsExactly("stream", "display_data");
    assertThat(sent)
        .allSatisfy(
            m -> {
              assertThat(m.parentHeader().path("msg_id").asText()).isEqualTo(frontEnd.msgId());
              assertThat(m.session()).isEqualTo("kernel-session");
            });
    assertThat(request.result()).isPresent();
    assertThat(request.idle()).isCompleted();
  }

  @Test
  void outputOfAnUnknownParentGoesToTheCurrentCellAndCommsAreTracked() {
    Message cell = kernel.request("execute_request", Json.object());
    Message unknown = child.request("execute_request", Json.object());
    ObjectNode open = Json.object();
    open.put("comm_id", "c1");
    open.put("target_name", "jupyter.widget");
    open.putObject("data");
    try (CellScope.Entered entered = scope.enter(new Cell(cell))) {
      relay.relay(childOutput(unknown, "comm_open", open));
      relay.relay(childOutput(unknown, "error", Json.object()));
    }
    iopub.flush();
    assertThat(iopub.sent()).extracting(Message::msgType).containsExactly("comm_open", "error");
    assertThat(iopub.sent().get(0).parentHeader().path("msg_id").asText()).isEqualTo(cell.msgId());
    assertThat(opened).containsExactly("c1:jupyter.widget");
  }
}
