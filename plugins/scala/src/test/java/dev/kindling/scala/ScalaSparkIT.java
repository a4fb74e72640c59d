package dev.kindling.scala;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.ExecutionRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScalaSparkIT {

  private final ScalaSession scala = ScalaSession.shared();

  @Test
  @Order(1)
  void cellsThatDoNotUseSparkDoNotStartIt() throws Exception {
    scala.run("val notSpark = 1 + 1");
    scala.run("case class Unused(a: Int)");
    assertThat(scala.spark.activeSession()).isEmpty();
  }

  @Test
  @Order(2)
  void theFactoryContributesTheReplClassDirectory() {
    assertThat(scala.spark.settings())
        .containsKey(ScalaInterpreterFactory.REPL_CLASS_OUTPUT_DIR)
        .containsEntry(ScalaInterpreterFactory.ARTIFACT_ISOLATION, "false");
  }

  @Test
  @Order(3)
  void sparkAndScAreTheKernelsSession() throws Exception {
    assertThat(scala.run("spark.range(5).count()").text()).isEqualTo("5");
    assertThat(scala.run("sc.parallelize(1 to 4).reduce(_ + _)").text()).isEqualTo("10");
    assertThat(scala.run("spark eq kernel.sparkSession").text()).isEqualTo("true");
    assertThat(scala.spark.starts()).isEqualTo(1);
    assertThat(scala.spark.session().sparkContext().getConf().get("spark.repl.class.uri"))
        .startsWith("spark://");
  }

  @Test
  @Order(4)
  void implicitsAndFunctionsNeedNoImports() throws Exception {
    scala.run("val df = Seq((1, \"a\"), (2, \"b\")).toDF(\"n\", \"s\")");
    assertThat(scala.run("df.select(max(col(\"n\"))).first().getInt(0)").text()).isEqualTo("2");
    assertThat(scala.run("df.as[(Int, String)].map(_._2).collect().mkString").text())
        .isEqualTo("ab");
  }

  @Test
  @Order(5)
  void executorsLoadClassesDefinedInEarlierCells() throws Exception {
    scala.run("case class Point(x: Long, y: Long)");
    scala.run("val scale = 10");
    assertThat(scala.run("spark.range(3).map(i => Point(i, i * scale)).collect().toList").text())
        .isEqualTo("List(Point(0,0), Point(1,10), Point(2,20))");
    assertThat(scala.run("sc.parallelize(1 to 3).map(i => Point(i, i)).map(_.y).sum()").text())
        .isEqualTo("6.0");
  }

  @Test
  @Order(6)
  void aFailingJobShowsTheUsersExceptionFirst() throws Exception {
    var error =
        scala
            .run(
                "sc.parallelize(1 to 3, 1).map(i => if (i == 2) throw new IllegalStateException(\"two\") else i).collect()")
            .error();
    assertThat(error.name()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.message()).isEqualTo("two");
    assertThat(error.traceback().get(error.traceback().size() - 1))
        .startsWith("which failed the Spark job: org.apache.spark.SparkException");
  }

  @Test
  @Order(7)
  void anInterruptedCellEndsAndTheInterpreterStaysUsable() throws Exception {
    scala.run("1");
    CompletableFuture<Thread> runner = new CompletableFuture<>();
    CompletableFuture<Object> cell =
        CompletableFuture.supplyAsync(
            () -> {
              runner.complete(Thread.currentThread());
              try {
                return scala.interpreter.execute(
                    new ExecutionRequest("Thread.sleep(60000)", 99, false, true, false));
              } catch (Exception e) {
                return e;
              }
            });
    Thread thread = runner.get(10, TimeUnit.SECONDS);
    while (thread.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    scala.interpreter.interrupt();
    thread.interrupt();
    assertThat(cell.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    assertThat(scala.run("21 * 2").text()).isEqualTo("42");
  }

  @Test
  @Order(8)
  void anInterruptWhileTheCellCompilesAlsoEndsItAndTheInterpreterStaysUsable() throws Exception {
    CompletableFuture<Thread> runner = new CompletableFuture<>();
    String slowToCompile =
        "val big = List(" + "1, ".repeat(400) + "1).map(_ * 2).sum\nThread.sleep(60000)";
    CompletableFuture<Object> cell =
        CompletableFuture.supplyAsync(
            () -> {
              runner.complete(Thread.currentThread());
              try {
                return scala.interpreter.execute(
                    new ExecutionRequest(slowToCompile, 100, false, true, false));
              } catch (Exception e) {
                return e;
              }
            });
    Thread thread = runner.get(10, TimeUnit.SECONDS);
    scala.interpreter.interrupt();
    thread.interrupt();
    assertThat(cell.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    assertThat(scala.run("20 + 22").text()).isEqualTo("42");
    assertThat(scala.run("List(1, 2).map(_ + 1)").text()).isEqualTo("List(2, 3)");
  }
}
