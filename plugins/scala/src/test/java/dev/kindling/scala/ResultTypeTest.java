package dev.kindling.scala;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultTypeTest {

  @Test
  void theTypeComesFromTheReplsEchoOfTheResult() {
    assertThat(ScalaRepl.typeInEcho("val x: Int = 1\nval res3: Int = 42\n", "res3"))
        .isEqualTo("Int");
    assertThat(ScalaRepl.typeInEcho("val res0: List[(Int, String)] = List((1,a))\n", "res0"))
        .isEqualTo("List[(Int, String)]");
    assertThat(ScalaRepl.typeInEcho("val res1: String =\nmulti\nline\n", "res1")).isEmpty();
    assertThat(ScalaRepl.typeInEcho("val x: Int = 1\n", "res3")).isEmpty();
  }
}
