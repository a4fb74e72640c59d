package dev.kindling.kernel.spark;

/**
 * The Spark work of one cell at one moment, as its progress display shows it.
 *
 * @param jobsTotal jobs started
 * @param jobsDone jobs that ended, successfully or not
 * @param stagesTotal stages of the started jobs
 * @param stagesDone stages completed or skipped
 * @param tasksTotal tasks of the submitted stages
 * @param tasksDone tasks that finished successfully
 * @param state where the cell's Spark work stands
 */
public record ProgressSnapshot(
    int jobsTotal,
    int jobsDone,
    int stagesTotal,
    int stagesDone,
    int tasksTotal,
    int tasksDone,
    State state) {

  /** Where a cell's Spark work stands. */
  public enum State {
    RUNNING("running"),
    DONE("done"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String label;

    State(String label) {
      this.label = label;
    }

    /** As shown to users. */
    public String label() {
      return label;
    }
  }

  /**
   * One line for {@code text/plain}, e.g. {@code "Spark: jobs 1/1, stages 2/2, tasks 8/8 - done"}.
   */
  public String summary() {
    return "Spark: jobs "
        + jobsDone
        + "/"
        + jobsTotal
        + ", stages "
        + stagesDone
        + "/"
        + stagesTotal
        + ", tasks "
        + tasksDone
        + "/"
        + tasksTotal
        + " - "
        + state.label();
  }
}
