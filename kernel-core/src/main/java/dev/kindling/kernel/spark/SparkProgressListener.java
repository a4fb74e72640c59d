package dev.kindling.kernel.spark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.JobFailed;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Maps Spark jobs to the cells that ran them (through the job group, else a {@code kindling-cell-N}
 * job tag in the job's properties) and feeds each cell's progress. Runs on Spark's listener bus
 * thread; jobs of no cell are ignored.
 */
final class SparkProgressListener extends SparkListener {

  private static final String JOB_TAGS_PROPERTY = "spark.job.tags";

  private final CellJobs cells;
  private final Map<Integer, CellRun> jobs = new ConcurrentHashMap<>();
  private final Map<Integer, CellRun> stages = new ConcurrentHashMap<>();

  SparkProgressListener(CellJobs cells) {
    this.cells = cells;
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    Optional<CellRun> run = cellOf(jobStart.properties());
    if (run.isEmpty()) {
      return;
    }
    Map<Integer, Integer> tasksByStage = new LinkedHashMap<>();
    for (StageInfo stage : CollectionConverters.asJava(jobStart.stageInfos())) {
      tasksByStage.put(stage.stageId(), stage.numTasks());
      stages.put(stage.stageId(), run.get());
    }
    jobs.put(jobStart.jobId(), run.get());
    run.get().progress().jobStarted(jobStart.jobId(), tasksByStage);
    run.get().progressChanged();
  }

  private Optional<CellRun> cellOf(Properties properties) {
    if (properties == null) {
      return Optional.empty();
    }
    Optional<CellRun> byGroup =
        cells.forJobGroup(properties.getProperty(CellJobs.JOB_GROUP_PROPERTY));
    if (byGroup.isPresent()) {
      return byGroup;
    }
    String tags = properties.getProperty(JOB_TAGS_PROPERTY, "");
    return Arrays.stream(tags.split(","))
        .map(cells::forJobGroup)
        .flatMap(Optional::stream)
        .findFirst();
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    StageInfo stage = submitted.stageInfo();
    CellRun run = stages.get(stage.stageId());
    if (run != null) {
      run.progress().stageSubmitted(stage.stageId(), stage.numTasks());
      run.progressChanged();
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    CellRun run = stages.get(taskEnd.stageId());
    if (run != null && taskEnd.reason() == Success$.MODULE$) {
      run.progress().taskSucceeded(taskEnd.stageId());
      run.progressChanged();
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted completed) {
    StageInfo stage = completed.stageInfo();
    CellRun run = stages.get(stage.stageId());
    if (run != null && stage.failureReason().isEmpty()) {
      run.progress().stageEnded(stage.stageId());
      run.progressChanged();
    }
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd jobEnd) {
    CellRun run = jobs.remove(jobEnd.jobId());
    if (run == null) {
      return;
    }
    String failure = null;
    if (jobEnd.jobResult() instanceof JobFailed failed) {
      failure = String.valueOf(failed.exception().getMessage());
    }
    run.progress().jobEnded(jobEnd.jobId(), failure);
    stages.values().removeIf(owner -> owner == run && !jobs.containsValue(run));
    run.progressChanged();
  }
}
