package dev.kindling.sparkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kindling.kernel.plugin.FakeKernelContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
  private static List<String> output;
  private static int exitCode;

  @BeforeAll
  static void runScript() throws Exception {
    assumeTrue(rscriptAvailable(), "Rscript is not installed");
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

    Path script = Files.createTempFile("protocol_test", ".R");
    try (InputStream in = RBridgeProtocolIT.class.getResourceAsStream("protocol_test.R")) {
      Files.write(script, in.readAllBytes());
    }
    ProcessBuilder builder =
        new ProcessBuilder("Rscript", "--vanilla", script.toString()).redirectErrorStream(true);
    builder.environment().putAll(backend.environment());
    builder.environment().put("KINDLING_SPARKR_LIB", RSources.directory().toString());
    Process process = builder.start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    exitCode = process.exitValue();
    output = text.lines().toList();
  }

  @AfterAll
  static void stop() {
    if (backend != null) {
      backend.close();
    }
  }

  private static boolean rscriptAvailable() {
    try {
      return new ProcessBuilder("Rscript", "--version").start().waitFor(30, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void everyCheckInTheScriptPasses() {
    assertThat(exitCode).as(String.join("\n", output)).isZero();
    assertThat(output).contains("DONE");
    List<String> failures = new ArrayList<>();
    for (String line : output) {
      if (line.startsWith("FAIL")) {
        failures.add(line);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(output.stream().filter(line -> line.startsWith("PASS")).count())
        .isGreaterThanOrEqualTo(45);
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
