package dev.kindling.scala;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.ExecutionResult;
import dev.kindling.kernel.plugin.FakeKernelContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code name?} cells: what inspection knows goes to the pager, the cell has no result. */
class ScalaHelpIT {

  private final ScalaSession scala = ScalaSession.shared();

  private List<FakeKernelContext.DisplayEvent> eventsOf(String cell) throws Exception {
    int before = scala.context.displayEvents().size();
    ScalaSession.Run run = scala.run(cell);
    assertThat(run.result()).isEqualTo(ExecutionResult.empty());
    var all = scala.context.displayEvents();
    return all.subList(before, all.size());
  }

  private String pagedText(String cell) throws Exception {
    List<FakeKernelContext.DisplayEvent> events = eventsOf(cell);
    assertThat(events).hasSize(1).first().isInstanceOf(FakeKernelContext.Paged.class);
    return String.valueOf(
        ((FakeKernelContext.Paged) events.get(0)).bundle().data().get("text/plain"));
  }

  @Test
  void aNameFollowedByAQuestionMarkPagesItsSignature() throws Exception {
    scala.run("def helpTarget(name: String, times: Int): String = name * times");
    assertThat(pagedText("helpTarget?"))
        .contains("def helpTarget(name: String, times: Int): String");
    assertThat(pagedText("?helpTarget")).contains("def helpTarget");
    assertThat(pagedText("  println ?\n")).contains("def println");
  }

  @Test
  void aPathPagesTheMemberItEndsWith() throws Exception {
    assertThat(pagedText("scala.math.sqrt?")).contains("def sqrt(x: Double): Double");
  }

  @Test
  void aNameNothingIsKnownAboutSaysSo() throws Exception {
    assertThat(pagedText("noSuchNameAnywhere?"))
        .isEqualTo(
            "No information for `noSuchNameAnywhere`: it is not a name this Scala session knows.");
  }

  @Test
  void aMethodNamedQuestionMarkStillRuns() throws Exception {
    scala.run("object Asker { def ?(x: Int): Int = x + 1; def isEmpty_? : Boolean = true }");
    assertThat(scala.run("Asker ? 41").text()).isEqualTo("42");
    assertThat(scala.run("Asker.isEmpty_?").text()).isEqualTo("true");
    assertThat(scala.run("\"really?\"").text()).isEqualTo("really?");
  }
}
