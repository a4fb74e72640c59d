package dev.kindling.sql;

import dev.kindling.api.spark.CellText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Result values as plain Java JSON values (what {@code MimeBundle} carries for JSON types): numbers
 * and booleans stay themselves, decimals become doubles, {@code null} stays null, everything else
 * becomes its table text.
 */
final class JsonValues {

  private JsonValues() {}

  static Object of(Object value) {
    if (value == null || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return String.valueOf(d);
    }
    if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return String.valueOf(f);
    }
    if (value instanceof Number) {
      return value;
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      // ISO 8601 in the session's time zone, which Vega-Lite parses as local time
      return timestamp.toLocalDateTime().toString();
    }
    return CellText.of(value);
  }

  /** {@code {"columns": [...], "rows": [[...], ...], "truncated": bool}}. */
  static Map<String, Object> table(QueryResult result) {
    List<Object> rows = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      rows.add(row.stream().map(JsonValues::of).toList());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("columns", List.copyOf(result.columns()));
    json.put("rows", rows);
    json.put("truncated", result.truncated());
    return json;
  }

  /** The Vega-Lite measurement type of a column of this Spark type. */
  static String vegaType(DataType type) {
    if (type instanceof NumericType) {
      return "quantitative";
    }
    if (type instanceof DateType
        || type instanceof TimestampType
        || type instanceof TimestampNTZType) {
      return "temporal";
    }
    return "nominal";
  }
}
