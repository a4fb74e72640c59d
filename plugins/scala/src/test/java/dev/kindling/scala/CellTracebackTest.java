package dev.kindling.scala;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.ExecutionResult;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

class CellTracebackTest {

  private static StackTraceElement frame(String className, String method, int line) {
    return new StackTraceElement(className, method, "<console>", line);
  }

  @Test
  void replWrapperFramesBecomeCellLines() {
    assertThat(CellTraceback.describe(frame("$line5.$read$$iw", "divide", 3)))
        .isEqualTo("divide(<cell>:3)");
    assertThat(CellTraceback.describe(frame("$line5.$read$$iw", "<init>", 2)))
        .isEqualTo("<cell>(<cell>:2)");
    assertThat(CellTraceback.describe(frame("$line7.$read$$iw$Point", "norm", 1)))
        .isEqualTo("Point.norm(<cell>:1)");
    assertThat(CellTraceback.describe(frame("$line7.$read$$iw$Point$", "apply", 1)))
        .isEqualTo("Point.apply(<cell>:1)");
  }

  @Test
  void otherFramesStayAsTheJvmPrintsThem() {
    StackTraceElement library =
        new StackTraceElement("scala.collection.List", "map", "List.scala", 9);
    assertThat(CellTraceback.describe(library)).isEqualTo(library.toString());
  }

  @Test
  void aSparkJobFailureShowsItsRootCauseFirst() {
    IllegalArgumentException root = new IllegalArgumentException("bad row");
    SparkException job =
        new SparkException(
            "Job aborted due to stage failure: task failed\n\tat some.Executor.frame(X.java:1)",
            new RuntimeException("task", root));

    ExecutionResult.Error error = (ExecutionResult.Error) CellErrors.exception(job);

    assertThat(error.name()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(error.message()).isEqualTo("bad row");
    assertThat(error.traceback().get(0)).isEqualTo("java.lang.IllegalArgumentException: bad row");
    assertThat(error.traceback().get(error.traceback().size() - 1))
        .isEqualTo(
            "which failed the Spark job: org.apache.spark.SparkException:"
                + " Job aborted due to stage failure: task failed");
  }
}
