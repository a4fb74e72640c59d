package dev.kindling.pyspark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.MimeBundle;
import dev.kindling.kernel.execution.CellPayloads;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.RecordingIopub;
import dev.kindling.kernel.plugin.FakeKernelContext;
import dev.kindling.kernel.subkernel.ChildKernelService;
import dev.kindling.protocol.MessageFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PySpark interpreter with the kernel's real sub-kernel proxy, a real ipykernel from the test
 * venv and a real local SparkSession: Python and the JVM share that one session.
 */
class PySparkInterpreterIT {

  private static FakeKernelContext context;
  private static ChildKernelService children;
  private static Interpreter python;

  @BeforeAll
  static void start() {
    Path venvPython =
        Path.of(System.getProperty("kindling.test.python", "../../.venv/bin/python"))
            .toAbsolutePath()
            .normalize();
    assumeTrue(Files.isExecutable(venvPython), "no test venv at " + venvPython);
    MessageFactory messages = new MessageFactory("kindling");
    context = new FakeKernelContext().withSetting(PySparkSettings.PYTHON, venvPython.toString());
    children =
        new ChildKernelService(
            new CellScope(),
            new RecordingIopub(messages),
            messages,
            context.stdin(),
            new CellPayloads());
    context.withChildKernels(children);
    python = new PySparkInterpreterFactory().create(context);
  }

  @AfterAll
  static void stop() {
    if (python != null) {
      python.close();
      children.close();
    }
  }

  private static String run(String code) throws Exception {
    ExecutionResult result = python.execute(new ExecutionRequest(code, 1, false, true, false));
    assertThat(result).isInstanceOf(ExecutionResult.Value.class);
    MimeBundle bundle = (MimeBundle) ((ExecutionResult.Value) result).value();
    return String.valueOf(bundle.data().get(MimeBundle.TEXT_PLAIN));
  }

  @Test
  void aTempViewMadeInPythonIsSeenByTheJvmSessionAndBack() throws Exception {
    run("spark.range(3).createOrReplaceTempView('from_python')\n0");
    SparkSession jvm = context.spark().session();
    assertThat(jvm.table("from_python").count()).isEqualTo(3);

    jvm.sql("CREATE OR REPLACE TEMP VIEW from_jvm AS SELECT 42 AS answer");
    assertThat(run("spark.table('from_jvm').first().answer")).isEqualTo("42");
  }

  @Test
  void kernelDataIsTheSharedMap() throws Exception {
    context.data().put("from_java", "hello");
    assertThat(run("kernel.data['from_java']")).isEqualTo("'hello'");
    run("kernel.data['from_python'] = 7\n0");
    assertThat(context.data()).containsEntry("from_python", 7);
  }

  @Test
  void pythonWorkersRunUdfs() throws Exception {
    assertThat(
            run(
                "from pyspark.sql.functions import udf\n"
                    + "[r[0] for r in spark.range(3).select(udf(lambda x: x + 1, 'long')('id'))"
                    + ".collect()]"))
        .isEqualTo("[1, 2, 3]");
  }
}
