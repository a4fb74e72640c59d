package dev.kindling.kernel.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code configure}/{@code restart} rules that need no running Spark (the rest is end to end). */
class KernelSparkRuntimeConfigureTest {

  private static KernelSparkRuntime runtime(SparkStartMode mode) {
    return new KernelSparkRuntime(
        mode,
        new SparkSessionFactory(Map.of(), Map.of(), List.of()),
        new SilentDisplay(),
        session -> {},
        session -> {});
  }

  @Test
  void aLazySessionTakesSettingsUntilItIsAskedToStart() {
    KernelSparkRuntime lazy = runtime(SparkStartMode.LAZY);

    lazy.configure(Map.of("spark.sql.shuffle.partitions", "3"));
    lazy.configure(Map.of("spark.sql.shuffle.partitions", "4"));

    assertThat(lazy.startRequested()).isFalse();
    assertThat(lazy.activeSession()).isEmpty();
  }

  @Test
  void userCodeOwnsTheSessionInNoneMode() {
    KernelSparkRuntime none = runtime(SparkStartMode.NONE);

    assertThatThrownBy(() -> none.configure(Map.of("k", "v")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("--spark-init none");
    assertThatThrownBy(() -> none.restart(Map.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
