package dev.kindling.sql;

import dev.kindling.api.spark.CellText;
import dev.kindling.api.spark.TextTable;
import java.util.List;
import java.util.Optional;

/**
 * A {@link QueryResult} as an HTML table, a text table (like {@code Dataset.show()}) and CSV. The
 * HTML and text tables are the kernel's own ({@link TextTable}).
 */
final class ResultTables {

  private ResultTables() {}

  static String html(QueryResult result) {
    return table(result).html();
  }

  static String text(QueryResult result) {
    return table(result).text();
  }

  /** The kernel's table, noted {@code 0 rows} when the query returned none. */
  private static TextTable table(QueryResult result) {
    TextTable table = TextTable.firstRows(result.columns(), result.texts(), result.truncated());
    return result.rows().isEmpty() && table.note().isEmpty()
        ? new TextTable(table.columns(), table.rows(), Optional.of("0 rows"))
        : table;
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
}
