package dev.kindling.kernel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellProgressTest {

  private static Map<Integer, Integer> stages(int... idsAndTasks) {
    Map<Integer, Integer> stages = new LinkedHashMap<>();
    for (int i = 0; i < idsAndTasks.length; i += 2) {
      stages.put(idsAndTasks[i], idsAndTasks[i + 1]);
    }
    return stages;
  }

  @Test
  void countsJobsStagesAndTasksUntilDone() {
    CellProgress progress = new CellProgress();
    progress.jobStarted(0, stages(0, 4, 1, 2));
    progress.stageSubmitted(0, 4);
    progress.taskSucceeded(0);
    progress.taskSucceeded(0);

    assertThat(progress.snapshot())
        .isEqualTo(new ProgressSnapshot(1, 0, 2, 0, 4, 2, ProgressSnapshot.State.RUNNING));

    progress.taskSucceeded(0);
    progress.taskSucceeded(0);
    progress.stageEnded(0);
    progress.jobEnded(0, null); // stage 1 was skipped

    ProgressSnapshot done = progress.snapshot();
    assertThat(done).isEqualTo(new ProgressSnapshot(1, 1, 2, 2, 4, 4, ProgressSnapshot.State.DONE));
    assertThat(done.summary()).isEqualTo("Spark: jobs 1/1, stages 2/2, tasks 4/4 - done");
  }

  @Test
  void aFailedJobFailsTheCellUnlessItWasCancelled() {
    CellProgress failed = new CellProgress();
    failed.jobStarted(3, stages(5, 1));
    failed.jobEnded(3, "Job aborted due to stage failure");
    assertThat(failed.snapshot().state()).isEqualTo(ProgressSnapshot.State.FAILED);

    CellProgress cancelled = new CellProgress();
    cancelled.jobStarted(4, stages(6, 1));
    cancelled.cancelRequested();
    assertThat(cancelled.finalSnapshot().state()).isEqualTo(ProgressSnapshot.State.CANCELLED);
    cancelled.jobEnded(4, "Job 4 cancelled part of cancelled job group kindling-cell-1");
    assertThat(cancelled.snapshot().state()).isEqualTo(ProgressSnapshot.State.CANCELLED);
  }
}
