package dev.kindling.kernel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataFrameTruncationTest {

  @Test
  void valuesLongerThanTwentyCharactersAreCutAsShowDoes() {
    assertThat(DataFrameRenderer.truncated("12345678901234567890"))
        .isEqualTo("12345678901234567890");
    assertThat(DataFrameRenderer.truncated("123456789012345678901"))
        .isEqualTo("12345678901234567...");
    assertThat(DataFrameRenderer.truncated("")).isEmpty();
  }
}
