package dev.kindling.scala;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.CommMessage;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import dev.kindling.api.MimeBundle;
import dev.kindling.kernel.plugin.FakeComm;
import dev.kindling.kernel.plugin.FakeKernelContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelObjectIT {

  private final ScalaSession scala = ScalaSession.shared();

  @Test
  void displaysRichOutput() throws Exception {
    int before = scala.context.displayEvents().size();
    scala.run("kernel.display.html(\"<b>bold</b>\"); kernel.display.markdown(\"*md*\")");
    var events = scala.context.displayEvents().subList(before, before + 2);
    assertThat(((FakeKernelContext.Shown) events.get(0)).bundle().data())
        .containsEntry("text/html", "<b>bold</b>")
        .containsKey("text/plain");
    assertThat(((FakeKernelContext.Shown) events.get(1)).bundle().data())
        .containsEntry("text/markdown", "*md*");
  }

  @Test
  void anUpdatableDisplayKeepsItsId() throws Exception {
    int before = scala.context.displayEvents().size();
    scala.run(
        "val progress = kernel.display.updatable(\"text/plain\", \"0%\")\nprogress.text(\"100%\")");
    var events = scala.context.displayEvents().subList(before, before + 2);
    var shown = (FakeKernelContext.ShownUpdatable) events.get(0);
    var updated = (FakeKernelContext.Updated) events.get(1);
    assertThat(updated.displayId()).isEqualTo(shown.displayId());
    assertThat(updated.bundle().data()).containsEntry("text/plain", "100%");
    scala.run("kernel.display.clear()");
    assertThat(scala.context.displayEvents())
        .last()
        .isEqualTo(new FakeKernelContext.Cleared(false));
  }

  @Test
  void outAndErrAreTheCellsStreams() throws Exception {
    ScalaSession.Run run =
        scala.run("kernel.out.println(\"to out\"); kernel.err.println(\"to err\")");
    assertThat(run.out()).isEqualTo("to out\n");
    assertThat(run.err()).isEqualTo("to err\n");
  }

  @Test
  void inReadsLinesFromTheFrontEnd() throws Exception {
    scala.context.answerInput("first", "second");
    ScalaSession.Run run =
        scala.run(
            "val reader = new java.io.BufferedReader(new java.io.InputStreamReader(kernel.in))\n"
                + "reader.readLine() + \"/\" + kernel.readLine(\"next? \")");
    assertThat(run.text()).isEqualTo("first/second");
    assertThat(scala.context.inputRequests())
        .last()
        .isEqualTo(new FakeKernelContext.InputRequest("next? ", false));
  }

  @Test
  void dataIsTheSharedMap() throws Exception {
    scala.context.data().put("fromJava", 7);
    scala.run("kernel.data.put(\"fromScala\", \"hi\")");
    assertThat(scala.context.data()).containsEntry("fromScala", "hi");
    assertThat(scala.run("kernel.data.get(\"fromJava\")").text()).isEqualTo("7");
  }

  @Test
  void commTargetsRegisteredInACellAnswerFrontEnds() throws Exception {
    ScalaSession.Run registering =
        scala.run(
            """
        kernel.comm.register("echo-target")
          .addOpenHandler((comm, id, target, data) => comm.send(java.util.Map.of("opened", target)))
          .addMsgHandler((comm, id, data) => comm.send(data))
        """);
    assertThat(registering.text()).isEqualTo("CommRegistration(echo-target)");
    FakeComm frontEnd = new FakeComm("c1", "echo-target", Map.of());
    var registered = scala.context.comms();
    // The fake keeps registered targets private: open through the target itself.
    dev.kindling.scala.api.CommRegistration target =
        (dev.kindling.scala.api.CommRegistration) registeredTarget("echo-target");
    target.opened(frontEnd, CommMessage.of(Map.of()));
    frontEnd.receive(CommMessage.of(Map.of("ping", 1)));
    assertThat(frontEnd.sent())
        .extracting(CommMessage::data)
        .containsExactly(Map.of("opened", "echo-target"), Map.of("ping", 1));
    assertThat(registered).isNotNull();
  }

  @Test
  void commsOpenFromTheKernel() throws Exception {
    scala.run(
        "val channel = kernel.comm.open(\"front-target\", Map(\"a\" -> 1))\nchannel.send(Map(\"b\" -> 2))");
    FakeComm opened = scala.context.openedComms().get(scala.context.openedComms().size() - 1);
    assertThat(opened.targetName()).isEqualTo("front-target");
    assertThat(opened.openData()).containsEntry("a", 1);
    assertThat(opened.sent()).extracting(CommMessage::data).containsExactly(Map.of("b", 2));
  }

  @Test
  void magicsRunByName() throws Exception {
    scala.context.withMagics(List.of(new ShoutMagic()), List.of());
    assertThat(scala.run("kernel.magics.shout(\"hello\")").text()).isEqualTo("HELLO");
    assertThat(scala.run("kernel.magics.nosuchmagic(\"x\")").error().message())
        .contains("no magic named nosuchmagic");
  }

  private Object registeredTarget(String name) throws Exception {
    var field = FakeKernelContext.class.getDeclaredField("commTargets");
    field.setAccessible(true);
    return ((Map<?, ?>) field.get(scala.context)).get(name);
  }

  static final class ShoutMagic implements LineMagic {
    @Override
    public String name() {
      return "shout";
    }

    @Override
    public String description() {
      return "upper case";
    }

    @Override
    public ExecutionResult run(String arguments, KernelContext context) {
      return ExecutionResult.value(arguments.toUpperCase(java.util.Locale.ROOT));
    }
  }

  static MimeBundle unused() {
    return MimeBundle.text("");
  }
}
