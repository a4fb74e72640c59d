package dev.kindling.kernel.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.MimeBundle;
import dev.kindling.api.spark.SparkSettingsContributor;
import dev.kindling.kernel.context.DisplayService;
import dev.kindling.kernel.execution.Cell;
import dev.kindling.kernel.execution.CellLifecycle;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.RecordingIopub;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Spark runtime against a real local Spark: settings, job groups, interrupt, progress. One
 * session for the class; the first test is the one whose cell starts it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkDriverIT {

  private static final MessageFactory client = new MessageFactory("client");
  private static final MessageFactory kernel = new MessageFactory("kernel");
  private static final RecordingIopub iopub = new RecordingIopub(kernel);
  private static final CellScope scope = new CellScope();
  private static final AtomicInteger contributions = new AtomicInteger();
  private static SparkDriver driver;

  @BeforeAll
  static void startDriver() {
    SparkSettingsContributor contributor =
        settings -> {
          contributions.incrementAndGet();
          settings.setIfMissing("spark.sql.shuffle.partitions", "99");
          settings.setIfMissing("spark.kindling.it.contributed", "yes");
        };
    DisplayService display =
        new DisplayService(scope, iopub, kernel, List.of(new DataFrameRenderer(3)));
    driver =
        SparkDriver.create(
            new SparkOptions(SparkStartMode.LAZY, true),
            Map.of("SPARK_OPTS", "--master local[2] --conf spark.ui.enabled=false"),
            Map.of("spark.sql.shuffle.partitions", "7"),
            List.of(contributor),
            scope,
            display,
            iopub,
            kernel);
  }

  @AfterAll
  static void stop() {
    driver.runtime().activeSession().ifPresent(SparkSession::stop);
    driver.close();
  }

  /** Runs {@code work} as a cell on a thread of its own; returns the cell's request. */
  private static Message runCell(CellWork work) throws Exception {
    Message request = client.request("execute_request", Json.object());
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try (CellScope.Entered entered = scope.enter(new Cell(request));
                  CellLifecycle.Scope running =
                      driver.cells().starting(new ExecutionRequest("", 1, false, true, false))) {
                work.run(driver.runtime());
                done.complete(null);
              } catch (Throwable e) {
                done.completeExceptionally(e);
              }
            });
    thread.start();
    done.handle((ok, e) -> null).get(60, TimeUnit.SECONDS);
    thread.join();
    if (done.isCompletedExceptionally()) {
      done.join();
    }
    return request;
  }

  private interface CellWork {
    void run(KernelSparkRuntime spark) throws Exception;
  }

  private static List<Message> outputsOf(Message request) {
    return iopub.sent().stream()
        .filter(m -> m.parentHeader().path("msg_id").asText().equals(request.msgId()))
        .toList();
  }

  @Test
  @Order(1)
  void settingsComeFromSparkOptsKernelConfAndContributorsOnce() throws Exception {
    Message cell = runCell(spark -> spark.session().range(1).count());

    SparkSession session = driver.runtime().session();
    assertThat(session.conf().get("spark.master")).isEqualTo("local[2]");
    assertThat(session.conf().get("spark.sql.shuffle.partitions")).isEqualTo("7");
    assertThat(session.conf().get("spark.kindling.it.contributed")).isEqualTo("yes");
    assertThat(session.conf().get("spark.app.name")).isEqualTo("Kindling");
    assertThat(contributions).hasValue(1);
    assertThat(outputsOf(cell))
        .anySatisfy(
            m ->
                assertThat(m.content().path("data").path("text/plain").asText())
                    .startsWith("Spark started in"));
  }

  @Test
  void aCellGetsOneProgressDisplayEndingDone() throws Exception {
    Message cell =
        runCell(
            spark -> {
              spark
                  .session()
                  .range(0, 1000, 1, 4)
                  .selectExpr("id % 3 AS k")
                  .groupBy("k")
                  .count()
                  .collectAsList();
            });

    List<Message> progress =
        outputsOf(cell).stream()
            .filter(m -> m.content().path("data").path("text/plain").asText().startsWith("Spark: "))
            .toList();
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(0).msgType()).isEqualTo("display_data");
    String displayId = progress.get(0).content().path("transient").path("display_id").asText();
    assertThat(displayId).isNotEmpty();
    assertThat(progress.subList(1, progress.size()))
        .allSatisfy(
            m -> {
              assertThat(m.msgType()).isEqualTo("update_display_data");
              assertThat(m.content().path("transient").path("display_id").asText())
                  .isEqualTo(displayId);
            });
    String last =
        progress.get(progress.size() - 1).content().path("data").path("text/plain").asText();
    assertThat(last).matches("Spark: jobs (\\d+)/\\1, stages (\\d+)/\\2, tasks (\\d+)/\\3 - done");
    assertThat(progress.get(progress.size() - 1).content().path("data").path("text/html").asText())
        .contains("kindling-spark-progress");
  }

  @Test
  void interruptCancelsExactlyTheRunningCellsJobsWithinTwoSeconds() throws Exception {
    SparkSession session = driver.runtime().session();
    CompletableFuture<Long> otherJob =
        CompletableFuture.supplyAsync(() -> sleepJob(session, 3000)); // no cell: not cancelled
    CompletableFuture<Long> cancelledAfter = new CompletableFuture<>();
    Message cell =
        runCell(
            spark -> {
              CompletableFuture<Void> cancel =
                  CompletableFuture.runAsync(
                      () -> {
                        awaitRunningJobs(session, 2);
                        driver.interruptRunningCell();
                      });
              long start = System.nanoTime();
              assertThatThrownBy(() -> sleepJob(spark.session(), 60_000))
                  .hasMessageContaining("cancel");
              cancelledAfter.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
              cancel.join();
            });

    assertThat(otherJob.get(30, TimeUnit.SECONDS)).isEqualTo(2L);
    assertThat(cancelledAfter.get()).isLessThan(60_000);
    List<Message> outputs = outputsOf(cell);
    assertThat(outputs.get(outputs.size() - 1).content().path("data").path("text/plain").asText())
        .endsWith("- cancelled");
    assertThat(session.range(5).count()).isEqualTo(5); // the session survives
  }

  private static void awaitRunningJobs(SparkSession session, int jobs) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (session.sparkContext().statusTracker().getActiveJobIds().length < jobs) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("jobs did not start");
      }
      Thread.onSpinWait();
    }
  }

  private static long sleepJob(SparkSession session, long millis) {
    return session
        .range(0, 2, 1, 2)
        .selectExpr("reflect('java.lang.Thread', 'sleep', CAST(" + millis + " AS BIGINT))")
        .collectAsList()
        .size();
  }

  @Test
  void aDataFrameRendersItsFirstRowsWithOneJob() throws Exception {
    SparkSession session = driver.runtime().session();
    AtomicInteger jobs = new AtomicInteger();
    session
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart jobStart) {
                jobs.incrementAndGet();
              }
            });
    Dataset<Row> frame =
        session.range(10).selectExpr("id", "CASE WHEN id = 1 THEN NULL ELSE '<i>' END AS tag");

    MimeBundle bundle = new DataFrameRenderer(3).render(frame).orElseThrow();
    session.sparkContext().listenerBus().waitUntilEmpty(10_000);

    assertThat(jobs).hasValue(1);
    assertThat(bundle.data().get("text/html").toString())
        .contains("<th>id</th><th>tag</th>")
        .contains("<td>&lt;i&gt;</td>")
        .contains("<td>null</td>")
        .contains("showing first 3 rows");
    assertThat(bundle.data().get("text/plain").toString())
        .startsWith("+---+----+\n| id| tag|\n+---+----+\n|  0| <i>|\n|  1|null|\n|  2| <i>|")
        .endsWith("showing first 3 rows");
    assertThat(new DataFrameRenderer(3).render("not a frame")).isEmpty();
  }

  @Test
  void noneModeAdoptsTheSessionUserCodeCreated() {
    KernelSparkRuntime none =
        new KernelSparkRuntime(
            SparkStartMode.NONE,
            new SparkSessionFactory(Map.of(), Map.of(), List.of()),
            new DisplayService(scope, iopub, kernel, List.of()),
            session -> {},
            session -> {});
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
    try {
      assertThatThrownBy(none::session).hasMessageContaining("--spark-init none");
    } finally {
      SparkSession.setDefaultSession(driver.runtime().session());
    }
    assertThat(none.session()).isSameAs(driver.runtime().session());
  }
}
