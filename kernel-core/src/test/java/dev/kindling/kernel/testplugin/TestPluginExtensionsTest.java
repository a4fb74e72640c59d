package dev.kindling.kernel.testplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.CommMessage;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.MagicUsageException;
import dev.kindling.kernel.plugin.FakeComm;
import dev.kindling.kernel.plugin.FakeKernelContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPluginExtensionsTest {

  private final FakeKernelContext context = new FakeKernelContext();

  @Test
  void echoMagicReturnsItsArguments() {
    EchoLineMagic echo = new EchoLineMagic();

    assertThat(echo.name()).isEqualTo("echo");
    assertThat(echo.aliases()).containsExactly("say");
    assertThat(echo.description()).isEqualTo("Echo the arguments back as the cell result");
    assertThat(echo.run("hi there", context)).isEqualTo(ExecutionResult.value("hi there"));
  }

  @Test
  void echoMagicWithoutArgumentsIsAUsageError() {
    assertThatThrownBy(() -> new EchoLineMagic().run("", context))
        .isInstanceOf(MagicUsageException.class)
        .hasMessage("echo needs some text");
  }

  @Test
  void upperMagicUpperCasesTheBody() {
    UpperCellMagic upper = new UpperCellMagic();
    ExecutionRequest request = new ExecutionRequest("%%upper\nabc", 1, false, true, false);

    assertThat(upper.name()).isEqualTo("upper");
    assertThat(upper.description()).isEqualTo("Show the cell body in upper case");
    assertThat(upper.run("", "straße\nabc", request, context))
        .isEqualTo(ExecutionResult.value("STRASSE\nABC"));
  }

  @Test
  void echoCommTargetAnswersTheOpenAndEchoesMessagesWithTheirBuffers() {
    EchoCommTarget target = new EchoCommTarget();
    FakeComm comm = new FakeComm("c1", "echo", Map.of());
    byte[] buffer = {1, 2, 3};

    target.opened(comm, CommMessage.of(Map.of("hello", "front end")));
    comm.receive(new CommMessage(Map.of("n", 1), Map.of(), List.of(buffer)));
    comm.closeFromFrontEnd(CommMessage.of(Map.of()));

    assertThat(target.targetName()).isEqualTo("echo");
    assertThat(comm.sent()).hasSize(2);
    assertThat(comm.sent().get(0).data()).isEqualTo(Map.of("opened", Map.of("hello", "front end")));
    assertThat(comm.sent().get(1).data()).isEqualTo(Map.of("echo", Map.of("n", 1)));
    assertThat(comm.sent().get(1).buffers()).containsExactly(buffer);
  }

  @Test
  void rpcEchoCommTargetRepliesOncePerMessageWithTheRpcIdAndTheSquare() {
    RpcEchoCommTarget target = new RpcEchoCommTarget();
    FakeComm comm = new FakeComm("c2", "rpc-echo", Map.of());

    target.opened(comm, CommMessage.of(Map.of()));
    comm.receive(CommMessage.of(Map.of("_rpc_id", "7", "x", 12)));
    comm.receive(CommMessage.of(Map.of("note", "no id")));

    assertThat(target.targetName()).isEqualTo("rpc-echo");
    assertThat(comm.sent()).hasSize(2);
    assertThat(comm.sent().get(0).data())
        .isEqualTo(Map.of("_rpc_id", "7", "echo", Map.of("x", 12), "square", 144L));
    assertThat(comm.sent().get(1).data()).isEqualTo(Map.of("echo", Map.of("note", "no id")));
  }
}
