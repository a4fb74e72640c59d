package dev.kindling.magics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WallTimeTest {

  @Test
  void formatsLikeIpython() {
    assertThat(WallTime.format(1_234_000_000L)).isEqualTo("1.23 s");
    assertThat(WallTime.format(12_345_000_000L)).isEqualTo("12.3 s");
    assertThat(WallTime.format(512_000_000L)).isEqualTo("512 ms");
    assertThat(WallTime.format(2_000_000L)).isEqualTo("2 ms");
    assertThat(WallTime.format(80_100L)).isEqualTo("80.1 µs");
    assertThat(WallTime.format(999L)).isEqualTo("999 ns");
    assertThat(WallTime.format(0L)).isEqualTo("0 s");
    assertThat(WallTime.format(125_000_000_000L)).isEqualTo("2min 5s");
    assertThat(WallTime.format(3_725_000_000_000L)).isEqualTo("1h 2min 5s");
  }
}
