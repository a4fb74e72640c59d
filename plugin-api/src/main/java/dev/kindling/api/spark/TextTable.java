package dev.kindling.api.spark;

import dev.kindling.api.HtmlText;
import java.util.List;
import java.util.Optional;

/**
 * Rows of a DataFrame (or of any query result) as the kernel shows them: an HTML table and a text
 * table like {@code Dataset.show()}, with an optional note under both. Cell texts come from {@link
 * CellText}. Plugins that show tables use it so theirs look like the kernel's.
 *
 * @param columns column names
 * @param rows cell texts, one list per row
 * @param note a line under the table ({@code showing first 20 rows}), if any
 */
public record TextTable(List<String> columns, List<List<String>> rows, Optional<String> note) {

  /**
   * The first rows of a longer result: noted as {@code showing first N rows} when {@code truncated}
   * says there are more.
   */
  public static TextTable firstRows(
      List<String> columns, List<List<String>> rows, boolean truncated) {
    String shown = "showing first " + rows.size() + " " + (rows.size() == 1 ? "row" : "rows");
    return new TextTable(columns, rows, truncated ? Optional.of(shown) : Optional.empty());
  }

  /** An HTML {@code table} (class {@code kindling-dataframe}), values escaped. */
  public String html() {
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
    note.ifPresent(line -> html.append("<p>").append(HtmlText.escape(line)).append("</p>"));
    return html.toString();
  }

  /** Like {@code Dataset.show()}: a ruled table with right-aligned cells. */
  public String text() {
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
    note.ifPresent(line -> text.append('\n').append(line));
    return text.toString();
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
