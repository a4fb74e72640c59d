package dev.kindling.sparkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kindling.kernel.plugin.FakeKernelContext;
import java.sql.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The R side of the bridge (backend.R, dataframe.R) against Spark's real RBackend in this JVM: an R
 * script (protocol_test.R) round-trips every type through the backend and reads and writes the
 * shared data map, whose JVM values this test checks.
 */
class RBridgeProtocolIT {

  private static FakeKernelContext context;
  private static SparkRBackend backend;
  private static RScriptRun run;

  @BeforeAll
  static void runScript() throws Exception {
    assumeTrue(RScriptRun.rscriptAvailable(), "Rscript is not installed");
    context = new FakeKernelContext();
    Map<String, Object> data = context.data();
    data.put("int", 7);
    data.put("long", 5_000_000_000L);
    data.put("double", 0.5);
    data.put("string", "text");
    data.put("boolean", true);
    data.put("date", Date.valueOf("2020-01-31"));
    data.put("ints", new int[] {1, 2, 3});
    data.put("objects", new Object[] {"a", 1, null});
    data.put("map", Map.of("k", "v", "n", 1));
    data.put("frame", context.spark().session().range(3).toDF());
    backend =
        SparkRBackend.start(new SparkRBridge(context), RBridgeProtocolIT.class.getClassLoader());
    run = RScriptRun.run("protocol_test.R", backend);
  }

  @AfterAll
  static void stop() {
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void everyCheckInTheScriptPasses() {
    assertThat(run.exitCode()).as(run.text()).isZero();
    assertThat(run.output()).contains("DONE");
    assertThat(run.failures()).isEmpty();
    assertThat(run.passes()).isGreaterThanOrEqualTo(45);
  }

  @Test
  void valuesFromRArriveAsJvmTypes() {
    Map<String, Object> data = context.data();
    assertThat(data.get("r_int")).isEqualTo(11);
    assertThat(data.get("r_double")).isEqualTo(2.5);
    assertThat(data.get("r_string")).isEqualTo("from R");
    assertThat(data.get("r_logical")).isEqualTo(false);
    assertThat(data.get("r_date")).isEqualTo(Date.valueOf("2021-12-24"));
    assertThat(data.get("r_vector")).isEqualTo(new double[] {1.5, 2.5, 3.5});
    assertThat((Object[]) data.get("r_list")).hasSize(3);
    Object[] list = (Object[]) data.get("r_list");
    assertThat(list[0]).isEqualTo("a");
    assertThat(list[1]).isEqualTo(2);
    assertThat((Object[]) list[2]).containsExactly(true);
  }
}
