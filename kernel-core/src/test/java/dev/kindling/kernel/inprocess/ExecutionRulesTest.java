package dev.kindling.kernel.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import dev.kindling.api.MagicUsageException;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionRulesTest {

  private final ScriptInterpreterFactory script = new ScriptInterpreterFactory();

  private static final LineMagic SHOUT =
      new LineMagic() {
        @Override
        public String name() {
          return "Shout";
        }

        @Override
        public String description() {
          return "Upper-cases its arguments";
        }

        @Override
        public String usage() {
          return "%shout TEXT";
        }

        @Override
        public ExecutionResult run(String arguments, KernelContext context) {
          if (arguments.isEmpty()) {
            throw new MagicUsageException("nothing to shout");
          }
          return ExecutionResult.value(arguments.toUpperCase(java.util.Locale.ROOT));
        }
      };

  private final InProcessKernel kernel = new InProcessKernel(script, List.of(SHOUT), List.of());

  @AfterEach
  void close() {
    script.gate.countDown();
    kernel.close();
  }

  private Message execute(String code, boolean silent, boolean storeHistory) {
    ObjectNode content = Json.object();
    content.put("code", code);
    content.put("silent", silent);
    content.put("store_history", storeHistory);
    return kernel.send(Channel.SHELL, "execute_request", content);
  }

  private int count(Message request) throws InterruptedException {
    return kernel.awaitReply(request).content().get("execution_count").asInt();
  }

  @Test
  void executionCountFollowsIpykernelsRules() throws Exception {
    assertThat(count(kernel.execute("value 1"))).isEqualTo(1);
    Message silent = execute("value 2", true, false);
    assertThat(count(silent)).isEqualTo(1);
    assertThat(kernel.awaitIdle(silent))
        .extracting(Message::msgType)
        .containsExactly("status", "status");
    assertThat(count(execute("value 3", false, false))).isEqualTo(1);
    assertThat(count(kernel.execute("fail boom"))).isEqualTo(2);
    assertThat(count(kernel.execute("value 4"))).isEqualTo(3);
  }

  @Test
  void stopOnErrorAbortsTheExecutesQueuedBehindAFailure() throws Exception {
    Message failing = kernel.execute("gate\nfail first");
    Message queued = kernel.execute("value never");
    Message info = kernel.send(Channel.SHELL, "history_request", Json.object());
    script.gate.countDown();

    assertThat(kernel.awaitReply(failing).content().get("status").asText()).isEqualTo("error");
    Message aborted = kernel.awaitReply(queued);
    assertThat(aborted.content().get("status").asText()).isEqualTo("aborted");
    assertThat(aborted.content().get("execution_count").asInt()).isEqualTo(1);
    assertThat(kernel.awaitIdle(queued))
        .extracting(Message::msgType)
        .containsExactly("status", "status");
    assertThat(kernel.awaitReply(info).content().get("status").asText()).isEqualTo("ok");
    assertThat(kernel.awaitReply(kernel.execute("value later")).content().get("status").asText())
        .isEqualTo("ok");
  }

  @Test
  void stopOnErrorAbortsOnlyTheFailingClientsQueuedExecutes() throws Exception {
    ObjectNode gated = Json.object();
    gated.put("code", "gate\nfail first");
    Message failing = kernel.send(Channel.SHELL, "execute_request", gated, "app-a");
    ObjectNode value = Json.object();
    value.put("code", "value queued");
    Message sameClient = kernel.send(Channel.SHELL, "execute_request", value, "app-a");
    Message otherClient = kernel.send(Channel.SHELL, "execute_request", value, "app-b");
    script.gate.countDown();

    assertThat(kernel.awaitReply(failing).content().get("status").asText()).isEqualTo("error");
    assertThat(kernel.awaitReply(sameClient).content().get("status").asText()).isEqualTo("aborted");
    assertThat(kernel.awaitReply(otherClient).content().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void stdinTakesTheAnswerOnlyFromTheClientItAsked() throws Exception {
    ObjectNode content = Json.object();
    content.put("code", "input name?");
    content.put("allow_stdin", true);
    Message request = kernel.send(Channel.SHELL, "execute_request", content, "asked");
    assertThat(kernel.replies.take().message().msgType()).isEqualTo("input_request");

    ObjectNode wrong = Json.object();
    wrong.put("value", "Eve");
    kernel.send(Channel.STDIN, "input_reply", wrong, "someone-else");
    ObjectNode right = Json.object();
    right.put("value", "Ada");
    kernel.send(Channel.STDIN, "input_reply", right, "asked");

    assertThat(kernel.awaitReply(request).content().get("status").asText()).isEqualTo("ok");
    assertThat(kernel.awaitIdle(request))
        .filteredOn(m -> m.msgType().equals("stream"))
        .singleElement()
        .satisfies(m -> assertThat(m.content().get("text").asText()).isEqualTo("got Ada\n"));
  }

  @Test
  void stopOnErrorFalseRunsTheQueuedExecutes() throws Exception {
    ObjectNode content = Json.object();
    content.put("code", "gate\nfail first");
    content.put("stop_on_error", false);
    Message failing = kernel.send(Channel.SHELL, "execute_request", content);
    Message queued = kernel.execute("value runs");
    script.gate.countDown();

    assertThat(kernel.awaitReply(failing).content().get("status").asText()).isEqualTo("error");
    assertThat(kernel.awaitReply(queued).content().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void lineMagicsAreCaseInsensitiveAndUnknownOnesReachTheInterpreter() throws Exception {
    Message shout = kernel.execute("%SHOUT hello");
    List<Message> out = kernel.awaitIdle(shout);
    assertThat(out)
        .filteredOn(m -> m.msgType().equals("execute_result"))
        .singleElement()
        .satisfies(
            m -> assertThat(m.content().at("/data/text~1plain").asText()).isEqualTo("HELLO"));

    Message unknown = kernel.awaitReply(kernel.execute("%nosuch thing"));
    assertThat(unknown.content().get("evalue").asText()).contains("unknown: %nosuch");
  }

  @Test
  void aMagicWithBadArgumentsFailsTheCellWithItsUsage() throws Exception {
    Message reply = kernel.awaitReply(kernel.execute("%shout"));
    assertThat(reply.content().get("status").asText()).isEqualTo("error");
    assertThat(reply.content().get("ename").asText()).isEqualTo("UsageError");
    assertThat(reply.content().get("evalue").asText()).isEqualTo("%Shout: nothing to shout");
    assertThat(reply.content().get("traceback").toString()).contains("%shout TEXT");
  }

  @Test
  void stdinFailsAtOnceWhenTheFrontEndDoesNotAllowIt() throws Exception {
    Message reply = kernel.awaitReply(kernel.execute("input name?"));
    assertThat(reply.content().get("status").asText()).isEqualTo("error");
    assertThat(reply.content().get("evalue").asText()).contains("allow_stdin is false");
  }

  @Test
  void stdinRoundTripWhenAllowed() throws Exception {
    ObjectNode content = Json.object();
    content.put("code", "input name?");
    content.put("allow_stdin", true);
    Message request = kernel.send(Channel.SHELL, "execute_request", content);
    InProcessKernel.Sent inputRequest = kernel.replies.take();
    assertThat(inputRequest.channel()).isEqualTo(Channel.STDIN);
    assertThat(inputRequest.message().content().get("prompt").asText()).isEqualTo("name?");
    assertThat(inputRequest.message().parentHeader()).isEqualTo(request.header());

    ObjectNode answer = Json.object();
    answer.put("value", "Ada");
    kernel.send(Channel.STDIN, "input_reply", answer);

    assertThat(kernel.awaitReply(request).content().get("status").asText()).isEqualTo("ok");
    assertThat(kernel.awaitIdle(request))
        .filteredOn(m -> m.msgType().equals("stream"))
        .singleElement()
        .satisfies(m -> assertThat(m.content().get("text").asText()).isEqualTo("got Ada\n"));
  }

  @Test
  void interruptStopsTheRunningCellAndTheKernelCarriesOn() throws Exception {
    Message running = kernel.execute("gate");
    Message interrupt;
    do {
      interrupt = kernel.send(Channel.CONTROL, "interrupt_request", Json.object());
      assertThat(kernel.awaitReply(interrupt).content().get("status").asText()).isEqualTo("ok");
    } while (kernel.replies.stream()
        .noneMatch(
            s -> s.message().parentHeader().path("msg_id").asText().equals(running.msgId())));
    Message reply = kernel.awaitReply(running);
    assertThat(reply.content().get("ename").asText()).isEqualTo("Interrupted");
    assertThat(kernel.awaitReply(kernel.execute("value alive")).content().get("status").asText())
        .isEqualTo("ok");
  }
}
