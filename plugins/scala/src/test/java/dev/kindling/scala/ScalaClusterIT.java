package dev.kindling.scala;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.MimeBundle;
import dev.kindling.kernel.plugin.FakeKernelContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REPL-defined classes on a real standalone cluster: executors in their own JVMs, started by two
 * workers, load them through spark.repl.class.uri. Runs in its own JVM (a second failsafe
 * execution): one SparkContext per JVM.
 */
class ScalaClusterIT {

  @TempDir static Path directory;
  private static StandaloneCluster cluster;
  private static ScalaInterpreter interpreter;
  private static ContributedSparkRuntime spark;
  private static int count;

  @BeforeAll
  static void startCluster() throws Exception {
    List<String> flags =
        Arrays.stream(System.getProperty("kindling.test.jvm.flags", "").split(" "))
            .filter(flag -> !flag.isBlank())
            .toList();
    cluster = StandaloneCluster.start(directory, 2, flags);
    ScalaInterpreterFactory factory = new ScalaInterpreterFactory();
    spark = new ContributedSparkRuntime(factory, cluster.masterUrl());
    interpreter = (ScalaInterpreter) factory.create(new FakeKernelContext().withSpark(spark));
  }

  @AfterAll
  static void stopCluster() {
    if (interpreter != null) {
      interpreter.close();
    }
    spark.activeSession().ifPresent(session -> session.stop());
    if (cluster != null) {
      cluster.close();
    }
  }

  private static ExecutionResult define(String code) throws Exception {
    ExecutionResult result =
        interpreter.execute(new ExecutionRequest(code, ++count, false, true, false));
    assertThat(result).isEqualTo(ExecutionResult.empty());
    return result;
  }

  private static String run(String code) throws Exception {
    ExecutionResult result =
        interpreter.execute(new ExecutionRequest(code, ++count, false, true, false));
    assertThat(result).as(code).isInstanceOf(ExecutionResult.Value.class);
    return String.valueOf(
        ((MimeBundle) ((ExecutionResult.Value) result).value()).data().get("text/plain"));
  }

  @Test
  void executorsInOtherJvmsRunClosuresOverReplClasses() throws Exception {
    define("case class Point(x: Long, y: Long) { def sum = x + y }");
    define("val offset = 100");
    assertThat(
            run(
                "spark.range(4).repartition(2).map(i => Point(i, i + offset)).map(_.sum).collect().sorted.toList"))
        .isEqualTo("List(100, 102, 104, 106)");
    assertThat(run("sc.parallelize(1 to 6, 3).map(i => Point(i, 0)).map(_.x).reduce(_ + _)"))
        .isEqualTo("21");
    assertThat(
            run(
                "sc.parallelize(1 to 6, 3).map(_ => java.lang.management.ManagementFactory"
                    + ".getRuntimeMXBean.getPid).distinct().count() >= 1"))
        .isEqualTo("true");
    assertThat(run("sc.getExecutorMemoryStatus.size")).isEqualTo("3");
  }
}
