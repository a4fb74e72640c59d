package dev.kindling.kernel.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatchOrderingTest {

  private final ScriptInterpreterFactory script = new ScriptInterpreterFactory();
  private final InProcessKernel kernel = new InProcessKernel(script, List.of(), List.of());

  @AfterEach
  void close() {
    script.gate.countDown();
    kernel.close();
  }

  private static List<String> types(List<Message> messages) {
    return messages.stream()
        .map(
            m ->
                m.msgType().equals("status")
                    ? m.content().get("execution_state").asText()
                    : m.msgType())
        .toList();
  }

  @Test
  void executePublishesBusyInputOutputsResultIdleInOrder() throws Exception {
    Message request = kernel.execute("out one\nout two\nshow picture\nerr oops\nvalue 42");

    Message reply = kernel.awaitReply(request);
    List<Message> iopub = kernel.awaitIdle(request);

    assertThat(reply.content().get("status").asText()).isEqualTo("ok");
    assertThat(types(iopub))
        .containsExactly(
            "busy", "execute_input", "stream", "display_data", "stream", "execute_result", "idle");
    assertThat(iopub.get(2).content().get("text").asText()).isEqualTo("one\ntwo\n");
    assertThat(iopub.get(4).content().get("name").asText()).isEqualTo("stderr");
    assertThat(iopub.get(5).content().at("/data/text~1plain").asText()).isEqualTo("42");
  }

  @Test
  void everyRequestIsWrappedInBusyAndIdleEvenUnknownOnes() throws Exception {
    Message unknown = kernel.send(Channel.SHELL, "no_such_request", Json.object());
    Message info = kernel.send(Channel.CONTROL, "kernel_info_request", Json.object());

    assertThat(types(kernel.awaitIdle(unknown))).containsExactly("busy", "idle");
    assertThat(types(kernel.awaitIdle(info))).containsExactly("busy", "idle");
    Message reply = kernel.awaitReply(info);
    assertThat(reply.content().at("/language_info/name").asText()).isEqualTo("script");
    assertThat(reply.content().get("supported_features").isArray()).isTrue();
  }

  @Test
  void malformedContentGetsAnErrorReplyNotACrash() throws Exception {
    var content = Json.object();
    content.put("code", 42);
    Message bad = kernel.send(Channel.SHELL, "execute_request", content);

    Message reply = kernel.awaitReply(bad);
    assertThat(reply.content().get("status").asText()).isEqualTo("error");
    assertThat(reply.content().get("evalue").asText()).contains("'code' must be a string");
    assertThat(kernel.awaitReply(kernel.execute("value fine")).content().get("status").asText())
        .isEqualTo("ok");
  }

  @Test
  void kernelInfoOnShellIsAnsweredWhileACellRuns() throws Exception {
    Message running = kernel.execute("gate");
    Message info = kernel.send(Channel.SHELL, "kernel_info_request", Json.object());

    assertThat(kernel.awaitReply(info).content().get("status").asText()).isEqualTo("ok");
    script.gate.countDown();
    assertThat(kernel.awaitReply(running).content().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void replyParentHeaderIsTheRequestHeaderVerbatim() throws Exception {
    Message request = kernel.client.request("kernel_info_request", Json.object());
    request.header().put("subshell_id", (String) null);
    request.header().put("x-custom", "kept");
    kernel.kernel.onControlMessage(request);

    Message reply = kernel.awaitReply(request);
    assertThat(reply.parentHeader()).isEqualTo(request.header());
    assertThat(reply.header().get("session").asText()).isEqualTo(kernel.kernelMessages.session());
  }
}
