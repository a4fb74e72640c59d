package dev.kindling.sql;

import dev.kindling.api.spark.CellText;
import java.util.List;

/**
 * A {@link QueryResult} as an HTML table, a text table (like {@code Dataset.show()}) and CSV. The
 * HTML and text tables look like the kernel's own DataFrame display.
 */
final class ResultTables {

  private ResultTables() {}

  static String html(QueryResult result) {
    StringBuilder html = new StringBuilder("<table class=\"kindling-dataframe\"><thead><tr>");
    for (String column : result.columns()) {
      html.append("<th>").append(escape(column)).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (List<String> row : result.texts()) {
      html.append("<tr>");
      for (String cell : row) {
        html.append("<td>").append(escape(cell)).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table>");
    note(result).ifPresent(note -> html.append("<p>").append(note).append("</p>"));
    return html.toString();
  }

  static String text(QueryResult result) {
    List<String> columns = result.columns();
    List<List<String>> rows = result.texts();
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
    note(result).ifPresent(note -> text.append('\n').append(note));
    return text.toString();
  }

  /** RFC 4180 CSV: a header line, then one line per row; fields quoted when they need it. */
  static String csv(QueryResult result) {
    StringBuilder csv = new StringBuilder();
    csvLine(csv, result.columns());
    for (List<Object> row : result.rows()) {
      csvLine(csv, row.stream().map(v -> v == null ? "" : CellText.of(v)).toList());
    }
    return csv.toString();
  }

  private static void csvLine(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      if (i > 0) {
        csv.append(',');
      }
      if (field.contains(",")
          || field.contains("\"")
          || field.contains("\n")
          || field.contains("\r")) {
        csv.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        csv.append(field);
      }
    }
    csv.append("\r\n");
  }

  private static java.util.Optional<String> note(QueryResult result) {
    int count = result.rows().size();
    if (result.truncated()) {
      return java.util.Optional.of("showing first " + count + " " + (count == 1 ? "row" : "rows"));
    }
    return count == 0 ? java.util.Optional.of("0 rows") : java.util.Optional.empty();
  }

  private static void line(StringBuilder text, List<String> cells, int[] widths) {
    text.append('|');
    for (int i = 0; i < widths.length; i++) {
      String cell = cells.get(i);
      text.append(" ".repeat(widths[i] - cell.length())).append(cell).append('|');
    }
    text.append('\n');
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
