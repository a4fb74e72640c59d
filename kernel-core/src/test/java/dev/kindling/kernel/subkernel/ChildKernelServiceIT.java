package dev.kindling.kernel.subkernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.ChildKernel;
import dev.kindling.api.ChildKernelException;
import dev.kindling.api.ChildKernelSpec;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.MimeBundle;
import dev.kindling.kernel.execution.Cell;
import dev.kindling.kernel.execution.CellPayloads;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.RecordingIopub;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sub-kernel proxy against a real ipykernel child started from the test venv's Python: output
 * re-parented onto the front end's request in order, the child's result and error as the cell's
 * own, input through the kernel's stdin, the pager payload, and a child that dies mid-cell.
 */
class ChildKernelServiceIT {

  private static final MessageFactory MESSAGES = new MessageFactory("kindling");
  private static final CellScope SCOPE = new CellScope();
  private static final RecordingIopub IOPUB = new RecordingIopub(MESSAGES);
  private static final CellPayloads PAYLOADS = new CellPayloads();
  private static final AtomicInteger PROMPTS = new AtomicInteger();
  private static ChildKernelService service;
  private static ChildKernel python;

  @BeforeAll
  static void startChild() throws ChildKernelException, InterruptedException {
    Path venvPython = absolute(System.getProperty("kindling.test.python", "../.venv/bin/python"));
    assumeTrue(Files.isExecutable(venvPython), "no test venv at " + venvPython);
    service =
        new ChildKernelService(
            SCOPE,
            IOPUB,
            MESSAGES,
            (prompt, password) -> {
              PROMPTS.incrementAndGet();
              return "Ada";
            },
            PAYLOADS);
    python =
        service.start(
            ChildKernelSpec.of(
                    "Python",
                    List.of(
                        venvPython.toString(),
                        "-m",
                        "ipykernel_launcher",
                        "-f",
                        ChildKernelSpec.CONNECTION_FILE))
                .withEnvironment(java.util.Map.of("PYDEVD_DISABLE_FILE_VALIDATION", "1"))
                .withStartupCode("started_by = 'kindling'"));
  }

  private static Path absolute(String path) {
    return Path.of(path).toAbsolutePath().normalize();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  /** Runs code as the cell of a new front-end request; returns the request and the result. */
  private static Run run(String code, boolean allowStdin) throws Exception {
    ObjectNode content = Json.object();
    content.put("code", code);
    content.put("allow_stdin", allowStdin);
    Message request = MESSAGES.request("execute_request", content);
    ExecutionResult result;
    try (CellScope.Entered entered = SCOPE.enter(new Cell(request))) {
      result = python.execute(new ExecutionRequest(code, 1, false, true, allowStdin));
    }
    IOPUB.flush();
    List<Message> outputs =
        IOPUB.sent().stream()
            .filter(m -> m.parentHeader().path("msg_id").asText().equals(request.msgId()))
            .toList();
    return new Run(result, outputs);
  }

  private record Run(ExecutionResult result, List<Message> outputs) {
    List<String> types() {
      return outputs.stream().map(Message::msgType).toList();
    }
  }

  @Test
  void outputIsReparentedInOrderAndTheResultIsTheCellsOwn() throws Exception {
    Run run =
        run(
            "print('one')\nfrom IPython.display import display, HTML\n"
                + "display(HTML('<b>two</b>'))\nprint('three')\nstarted_by",
            false);
    assertThat(run.types()).containsExactly("stream", "display_data", "stream");
    assertThat(run.outputs().get(0).content().path("text").asText()).isEqualTo("one\n");
    assertThat(run.outputs().get(2).content().path("text").asText()).isEqualTo("three\n");
    assertThat(run.outputs())
        .allSatisfy(m -> assertThat(m.session()).isEqualTo(MESSAGES.session()));
    assertThat(run.result()).isInstanceOf(ExecutionResult.Value.class);
    MimeBundle value = (MimeBundle) ((ExecutionResult.Value) run.result()).value();
    assertThat(value.data()).containsEntry("text/plain", "'kindling'");
  }

  @Test
  void pythonErrorsBecomeTheCellsErrorAndAreNotRelayedTwice() throws Exception {
    Run run = run("1/0", false);
    assertThat(run.result()).isInstanceOf(ExecutionResult.Error.class);
    ExecutionResult.Error error = (ExecutionResult.Error) run.result();
    assertThat(error.name()).isEqualTo("ZeroDivisionError");
    assertThat(run.types()).doesNotContain("error", "status", "execute_input");
  }

  @Test
  void inputRequestsAreAnsweredThroughTheKernelsStdin() throws Exception {
    int before = PROMPTS.get();
    Run run = run("name = input('Name? ')\nprint('hi ' + name)", true);
    assertThat(PROMPTS.get()).isEqualTo(before + 1);
    assertThat(run.outputs().get(0).content().path("text").asText()).isEqualTo("hi Ada\n");
  }

  @Test
  void pagerPayloadsReachTheReply() throws Exception {
    PAYLOADS.take();
    run("len?", false);
    assertThat(PAYLOADS.take())
        .anySatisfy(p -> assertThat(p.path("source").asText()).isEqualTo("page"));
  }

  @Test
  void aChildThatDiesFailsTheCellAndTheNextCellGetsAFreshOne() throws Exception {
    run("doomed = 1", false);
    Run died = run("import os\nos._exit(3)", false);
    assertThat(died.result()).isInstanceOf(ExecutionResult.Error.class);
    ExecutionResult.Error error = (ExecutionResult.Error) died.result();
    assertThat(error.name()).isEqualTo("KernelDied");
    assertThat(error.message()).contains("exited with code 3").contains("kernel log");
    Run fresh = run("('doomed' in globals(), started_by)", false);
    MimeBundle value = (MimeBundle) ((ExecutionResult.Value) fresh.result()).value();
    assertThat(value.data()).containsEntry("text/plain", "(False, 'kindling')");
    assertThat(python.isAlive()).isTrue();
  }
}
