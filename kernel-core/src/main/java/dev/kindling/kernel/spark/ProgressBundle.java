package dev.kindling.kernel.spark;

import dev.kindling.api.MimeBundle;

/** A progress snapshot as a display: HTML bars plus a one-line {@code text/plain} summary. */
final class ProgressBundle {

  private ProgressBundle() {}

  static MimeBundle of(ProgressSnapshot snapshot) {
    StringBuilder html = new StringBuilder();
    html.append("<div class=\"kindling-spark-progress\" style=\"font-family:monospace\">");
    bar(html, "Jobs", snapshot.jobsDone(), snapshot.jobsTotal());
    bar(html, "Stages", snapshot.stagesDone(), snapshot.stagesTotal());
    bar(html, "Tasks", snapshot.tasksDone(), snapshot.tasksTotal());
    html.append("<div>Spark: ").append(snapshot.state().label()).append("</div></div>");
    return MimeBundle.of("text/html", html.toString())
        .with(MimeBundle.TEXT_PLAIN, snapshot.summary());
  }

  private static void bar(StringBuilder html, String label, int done, int total) {
    int percent = total == 0 ? 0 : (int) Math.round(100.0 * done / total);
    html.append("<div style=\"display:flex;align-items:center;gap:8px\"><span style=\"width:4em\">")
        .append(label)
        .append("</span><div style=\"width:240px;height:10px;background:#e0e0e0\">")
        .append("<div style=\"height:10px;background:#4caf50;width:")
        .append(percent)
        .append("%\"></div></div><span>")
        .append(done)
        .append("/")
        .append(total)
        .append("</span></div>");
  }
}
