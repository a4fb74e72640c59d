package dev.kindling.kernel.spark;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark jobs, stages and tasks of one cell, fed by the listener bus. Thread-safe: the listener
 * thread writes, the cell's thread and the progress timer read.
 */
final class CellProgress {

  private static final class Stage {
    int tasks;
    int tasksDone;
    boolean submitted;
    boolean ended;
  }

  private static final class Job {
    final List<Integer> stageIds;
    boolean ended;
    boolean failed;
    boolean cancelled;

    Job(List<Integer> stageIds) {
      this.stageIds = stageIds;
    }
  }

  private final Map<Integer, Job> jobs = new LinkedHashMap<>();
  private final Map<Integer, Stage> stages = new HashMap<>();
  private boolean cancelRequested;

  synchronized void jobStarted(int jobId, Map<Integer, Integer> tasksByStage) {
    jobs.put(jobId, new Job(List.copyOf(tasksByStage.keySet())));
    tasksByStage.forEach(
        (stageId, tasks) -> stages.computeIfAbsent(stageId, id -> new Stage()).tasks = tasks);
  }

  /** True if this cell has the stage (the listener asks before routing stage and task events). */
  synchronized boolean hasStage(int stageId) {
    return stages.containsKey(stageId);
  }

  synchronized void stageSubmitted(int stageId, int tasks) {
    Stage stage = stages.computeIfAbsent(stageId, id -> new Stage());
    stage.submitted = true;
    stage.tasks = tasks;
  }

  synchronized void taskSucceeded(int stageId) {
    Stage stage = stages.get(stageId);
    if (stage != null) {
      stage.tasksDone++;
    }
  }

  synchronized void stageEnded(int stageId) {
    Stage stage = stages.get(stageId);
    if (stage != null) {
      stage.ended = true;
    }
  }

  /**
   * @param failure null when the job succeeded, else the failure's message
   */
  synchronized void jobEnded(int jobId, String failure) {
    Job job = jobs.get(jobId);
    if (job == null) {
      return;
    }
    job.ended = true;
    if (failure != null) {
      job.failed = true;
      job.cancelled =
          cancelRequested || failure.toLowerCase(java.util.Locale.ROOT).contains("cancel");
    } else {
      for (int stageId : job.stageIds) {
        stages.get(stageId).ended = true; // skipped stages count as done
      }
    }
  }

  synchronized void cancelRequested() {
    cancelRequested = true;
  }

  synchronized boolean hasJobs() {
    return !jobs.isEmpty();
  }

  synchronized ProgressSnapshot snapshot() {
    int jobsDone = 0;
    boolean failed = false;
    boolean cancelled = cancelRequested;
    for (Job job : jobs.values()) {
      jobsDone += job.ended ? 1 : 0;
      failed |= job.failed;
      cancelled |= job.cancelled;
    }
    int stagesDone = 0;
    int tasks = 0;
    int tasksDone = 0;
    for (Stage stage : stages.values()) {
      stagesDone += stage.ended ? 1 : 0;
      if (stage.submitted) {
        tasks += stage.tasks;
        tasksDone += Math.min(stage.tasksDone, stage.tasks);
      }
    }
    ProgressSnapshot.State state;
    if (jobsDone < jobs.size()) {
      state = ProgressSnapshot.State.RUNNING;
    } else if (cancelled && failed) {
      state = ProgressSnapshot.State.CANCELLED;
    } else if (failed) {
      state = ProgressSnapshot.State.FAILED;
    } else {
      state = ProgressSnapshot.State.DONE;
    }
    return new ProgressSnapshot(
        jobs.size(), jobsDone, stages.size(), stagesDone, tasks, tasksDone, state);
  }

  /**
   * The snapshot once the cell has ended: jobs still running in threads the cell left behind keep
   * their state; if the cell was interrupted, running work counts as cancelled.
   */
  synchronized ProgressSnapshot finalSnapshot() {
    ProgressSnapshot now = snapshot();
    if (now.state() == ProgressSnapshot.State.RUNNING && cancelRequested) {
      return new ProgressSnapshot(
          now.jobsTotal(),
          now.jobsDone(),
          now.stagesTotal(),
          now.stagesDone(),
          now.tasksTotal(),
          now.tasksDone(),
          ProgressSnapshot.State.CANCELLED);
    }
    return now;
  }
}
