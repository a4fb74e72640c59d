package dev.kindling.sql;

import dev.kindling.api.spark.CellText;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;

/**
 * The first rows of a query's result, collected on the driver.
 *
 * @param columns column names
 * @param types column types, in the order of {@code columns}
 * @param rows the values, one list per row (Spark's external Java types)
 * @param truncated whether the result has more rows than these
 */
record QueryResult(
    List<String> columns, List<DataType> types, List<List<Object>> rows, boolean truncated) {

  QueryResult {
    columns = List.copyOf(columns);
    types = List.copyOf(types);
    rows = List.copyOf(rows);
  }

  /**
   * Collects at most {@code limit} rows of {@code frame} (one Spark job, {@code take(limit+1)}).
   */
  static QueryResult collect(Dataset<Row> frame, int limit) {
    List<String> columns = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    for (StructField field : frame.schema().fields()) {
      columns.add(field.name());
      types.add(field.dataType());
    }
    List<Row> taken = columns.isEmpty() ? List.of() : frame.takeAsList(limit + 1);
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : taken.subList(0, Math.min(limit, taken.size()))) {
      List<Object> values = new ArrayList<>(row.length());
      for (int i = 0; i < row.length(); i++) {
        values.add(row.get(i));
      }
      rows.add(values);
    }
    return new QueryResult(columns, types, rows, taken.size() > limit);
  }

  /** Every value as table text. */
  List<List<String>> texts() {
    List<List<String>> texts = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      List<String> cells = new ArrayList<>(row.size());
      for (Object value : row) {
        cells.add(CellText.of(value));
      }
      texts.add(cells);
    }
    return texts;
  }

  /** The index of column {@code name} (exact, else ignoring case), or -1. */
  int columnIndex(String name) {
    int index = columns.indexOf(name);
    if (index >= 0) {
      return index;
    }
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
