package dev.kindling.scala;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.CodeCompleteness;
import dev.kindling.api.CodeCompleteness.Status;
import dev.kindling.api.Completion;
import dev.kindling.api.MimeBundle;
import org.junit.jupiter.api.Test;

class ScalaCompletionIT {

  private final ScalaSession scala = ScalaSession.shared();

  private Completion complete(String code) {
    return scala.interpreter.complete(code, code.length());
  }

  @Test
  void completesMembersAfterADot() {
    Completion completion = complete("List(1, 2).hea");
    assertThat(completion.matches()).contains("head", "headOption");
    assertThat(completion.start()).isEqualTo("List(1, 2).".length());
    assertThat(completion.end()).isEqualTo("List(1, 2).hea".length());
  }

  @Test
  void completesBoundNamesAndEarlierDefinitions() throws Exception {
    assertThat(complete("spar").matches()).contains("spark");
    scala.run("val completionTarget = 3");
    Completion completion = complete("val y = completionTar");
    assertThat(completion.matches()).containsExactly("completionTarget");
    assertThat(completion.start()).isEqualTo("val y = ".length());
  }

  @Test
  void completesImportedNames() throws Exception {
    scala.run("import java.util.concurrent.ConcurrentHashMap");
    assertThat(complete("new ConcurrentHash").matches()).contains("ConcurrentHashMap");
  }

  @Test
  void completesInTheMiddleOfACell() {
    String code = "val a = 1\nmath.sqr\nval b = 2";
    int cursor = "val a = 1\nmath.sqr".length();
    Completion completion = scala.interpreter.complete(code, cursor);
    assertThat(completion.matches()).contains("sqrt");
    assertThat(completion.start()).isEqualTo("val a = 1\nmath.".length());
    assertThat(completion.end()).isEqualTo(cursor);
  }

  @Test
  void nothingMatchesNothing() {
    assertThat(complete("zzzNothingLikeThis").matches()).isEmpty();
  }

  @Test
  void inspectShowsTheSignatureAtTheCursor() throws Exception {
    scala.run("def greet(name: String, times: Int): String = name * times");
    MimeBundle bundle = scala.interpreter.inspect("greet(\"a\", 2)", 2, 0).orElseThrow();
    assertThat(bundle.data().get("text/plain").toString())
        .contains("def greet(name: String, times: Int): String");
    assertThat(
            scala.interpreter.inspect("List(1).map(_ + 1)", 9, 0).orElseThrow().data().toString())
        .contains("def map");
    assertThat(scala.interpreter.inspect("   ", 1, 0)).isEmpty();
  }

  @Test
  void isCompleteTellsCompleteIncompleteAndInvalidApart() {
    assertThat(status("6 * 7")).isEqualTo(Status.COMPLETE);
    assertThat(status("case class A(x: Int)\nA(1)")).isEqualTo(Status.COMPLETE);
    assertThat(status("")).isEqualTo(Status.COMPLETE);
    assertThat(status("def f(x: Int) = {")).isEqualTo(Status.INCOMPLETE);
    assertThat(status("val x = 1 +")).isEqualTo(Status.INCOMPLETE);
    assertThat(status("val s = \"\"\"unfinished")).isEqualTo(Status.INCOMPLETE);
    assertThat(status("val = 5")).isEqualTo(Status.INVALID);
    assertThat(status("1 + )")).isEqualTo(Status.INVALID);
    assertThat(scala.interpreter.isComplete("if (true) {").indent()).contains("  ");
  }

  private Status status(String code) {
    CodeCompleteness completeness = scala.interpreter.isComplete(code);
    return completeness.status();
  }
}
