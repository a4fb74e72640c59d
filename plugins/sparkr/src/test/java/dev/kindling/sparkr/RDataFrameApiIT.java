package dev.kindling.sparkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kindling.kernel.plugin.FakeKernelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SparkR-like DataFrame API (dataframe.R) against a real local SparkSession, through Spark's
 * RBackend: dataframe_test.R loads a CSV, queries it with SQL and DataFrame calls, converts between
 * data.frames and DataFrames, and shares temp views and values with the JVM.
 */
class RDataFrameApiIT {

  private static FakeKernelContext context;
  private static SparkRBackend backend;
  private static RScriptRun run;

  @BeforeAll
  static void runScript() throws Exception {
    assumeTrue(RScriptRun.rscriptAvailable(), "Rscript is not installed");
    context = new FakeKernelContext();
    context.spark().session().sql("CREATE OR REPLACE TEMP VIEW jvm_view AS SELECT 42 AS answer");
    backend =
        SparkRBackend.start(new SparkRBridge(context), RDataFrameApiIT.class.getClassLoader());
    Path csv = Files.createTempFile("people", ".csv");
    Files.writeString(
        csv,
        "name,age,city\nAda,36,London\nGrace,45,New York\nLinus,17,Helsinki\n"
            + "Alan,41,London\nBarbara,12,New York\n");
    run = RScriptRun.run("dataframe_test.R", backend, Map.of("KINDLING_TEST_CSV", csv.toString()));
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
    assertThat(run.passes()).isGreaterThanOrEqualTo(35);
  }

  @Test
  void aViewMadeInRIsSeenByTheJvmSession() {
    SparkSession jvm = context.spark().session();
    assertThat(jvm.table("r_view").count()).isEqualTo(3);
    assertThat(jvm.table("people").count()).isEqualTo(5);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDataFramePutIntoKernelDataFromRIsAJvmDataset() {
    Object value = context.data().get("from_r");
    assertThat(value).isInstanceOf(Dataset.class);
    assertThat(((Dataset<Row>) value).first().getInt(0)).isEqualTo(5);
  }
}
