package dev.kindling.kernel.spark;

import java.util.List;

/**
 * The first rows of a DataFrame as an HTML table and as a text table.
 *
 * @param columns column names
 * @param rows cell texts, one list per row
 * @param truncated whether the DataFrame has more rows than these
 */
record Table(List<String> columns, List<List<String>> rows, boolean truncated) {

  String html() {
    StringBuilder html = new StringBuilder("<table class=\"kindling-dataframe\"><thead><tr>");
    for (String column : columns) {
      html.append("<th>").append(HtmlText.escape(column)).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      html.append("<tr>");
      for (String cell : row) {
        html.append("<td>").append(HtmlText.escape(cell)).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table>");
    if (truncated) {
      html.append("<p>").append(note()).append("</p>");
    }
    return html.toString();
  }

  /** Like {@code Dataset.show()}: a ruled table with right-aligned cells. */
  String text() {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.max(3, columns.get(i).length());
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int width : widths) {
      rule.append("-".repeat(width)).append('+');
    }
    StringBuilder text = new StringBuilder();
    text.append(rule).append('\n');
    line(text, columns, widths);
    text.append(rule).append('\n');
    for (List<String> row : rows) {
      line(text, row, widths);
    }
    text.append(rule);
    if (truncated) {
      text.append('\n').append(note());
    }
    return text.toString();
  }

  private String note() {
    return "showing first " + rows.size() + " " + (rows.size() == 1 ? "row" : "rows");
  }

  private static void line(StringBuilder text, List<String> cells, int[] widths) {
    text.append('|');
    for (int i = 0; i < widths.length; i++) {
      String cell = cells.get(i);
      text.append(" ".repeat(widths[i] - cell.length())).append(cell).append('|');
    }
    text.append('\n');
  }
}
