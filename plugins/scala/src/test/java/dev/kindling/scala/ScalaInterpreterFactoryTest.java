package dev.kindling.scala;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScalaInterpreterFactoryTest {

  @Test
  void theLanguageVersionIsTheScalaLibrarysOwn() {
    assertThat(ScalaInterpreterFactory.scalaVersion())
        .isEqualTo(scala.util.Properties.versionNumberString())
        .matches("2\\.13\\.\\d+");
    assertThat(new ScalaInterpreterFactory().languageInfo().version())
        .isEqualTo(ScalaInterpreterFactory.scalaVersion());
  }
}
