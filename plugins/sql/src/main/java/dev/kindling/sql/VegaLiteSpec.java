package dev.kindling.sql;

import dev.kindling.api.MagicUsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Vega-Lite v5 spec ({@value #MIME_TYPE}) charting two columns of a result, with the rows inlined
 * as its data. JupyterLab renders it natively.
 */
final class VegaLiteSpec {

  static final String MIME_TYPE = "application/vnd.vegalite.v5+json";
  static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

  private VegaLiteSpec() {}

  /**
   * The spec for {@code chart} over {@code result}.
   *
   * @throws MagicUsageException when {@code --x} or {@code --y} names no column of the result
   */
  static Map<String, Object> of(Chart chart, QueryResult result) {
    int x = column(result, "--x", chart.x());
    int y = column(result, "--y", chart.y());
    String xName = result.columns().get(x);
    String yName = result.columns().get(y);
    List<Object> values = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put(xName, JsonValues.of(row.get(x)));
      point.put(yName, JsonValues.of(row.get(y)));
      values.add(point);
    }
    Map<String, Object> encoding = new LinkedHashMap<>();
    encoding.put("x", axis(xName, JsonValues.vegaType(result.types().get(x))));
    encoding.put("y", axis(yName, JsonValues.vegaType(result.types().get(y))));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("$schema", SCHEMA);
    spec.put("data", Map.of("values", values));
    spec.put("mark", Map.of("type", chart.mark(), "tooltip", true));
    spec.put("encoding", encoding);
    return spec;
  }

  private static Map<String, Object> axis(String field, String type) {
    Map<String, Object> axis = new LinkedHashMap<>();
    // Vega-Lite reads '.' and brackets in a field name as nested access unless escaped.
    axis.put(
        "field",
        field.replace("\\", "\\\\").replace(".", "\\.").replace("[", "\\[").replace("]", "\\]"));
    axis.put("type", type);
    return axis;
  }

  private static int column(QueryResult result, String option, String name) {
    int index = result.columnIndex(name);
    if (index < 0) {
      throw new MagicUsageException(
          option + " " + name + " is not a column of the result; columns: " + result.columns());
    }
    return index;
  }
}
