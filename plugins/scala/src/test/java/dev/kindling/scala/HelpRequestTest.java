package dev.kindling.scala;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpRequestTest {

  @Test
  void aWholeCellOfANameAndAQuestionMarkAsksForHelp() {
    assertThat(HelpRequest.target("println?")).contains("println");
    assertThat(HelpRequest.target("?println")).contains("println");
    assertThat(HelpRequest.target("  spark.range ?\n")).contains("spark.range");
    assertThat(HelpRequest.target("\n? scala.math.sqrt  ")).contains("scala.math.sqrt");
    assertThat(HelpRequest.target("List??")).contains("List");
    assertThat(HelpRequest.target("??List")).contains("List");
    assertThat(HelpRequest.target("?_private")).contains("_private");
  }

  @Test
  void scalaWithAQuestionMarkInItIsCode() {
    assertThat(HelpRequest.target("a ? b")).isEmpty();
    assertThat(HelpRequest.target("x.?(1)")).isEmpty();
    assertThat(HelpRequest.target("\"what?\"")).isEmpty();
    assertThat(HelpRequest.target("println(\"really?\")")).isEmpty();
    assertThat(HelpRequest.target("val x = 1 // why?")).isEmpty();
    assertThat(HelpRequest.target("isEmpty_?")).isEmpty();
    assertThat(HelpRequest.target("def isEmpty_? = true")).isEmpty();
    assertThat(HelpRequest.target("List(1).map?")).isEmpty();
    assertThat(HelpRequest.target("spark.?")).isEmpty();
    assertThat(HelpRequest.target("a\nb?")).isEmpty();
    assertThat(HelpRequest.target("?")).isEmpty();
    assertThat(HelpRequest.target("???")).isEmpty();
    assertThat(HelpRequest.target("x???")).isEmpty();
  }

  @Test
  void aMagicsHelpIsNotTheInterpreters() {
    assertThat(HelpRequest.target("%AddJar?")).isEmpty();
  }
}
