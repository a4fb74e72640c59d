package dev.kindling.api.spark;

import java.util.Base64;
import java.util.Map;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One value of a DataFrame row as table text, close to what {@code Dataset.show()} prints: {@code
 * null}, binary as Base64, maps as {@code {k -> v}}, arrays as {@code [a, b]}, structs as {@code
 * {a, b}}. The kernel's DataFrame tables use it; plugins that show Spark values use it to match.
 */
public final class CellText {

  private CellText() {}

  /** The text of {@code value}, a value Spark returned in a {@code Row}. */
  public static String of(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return of(CollectionConverters.asJava(map));
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder("{");
      map.forEach(
          (key, item) -> {
            if (text.length() > 1) {
              text.append(", ");
            }
            text.append(of(key)).append(" -> ").append(of(item));
          });
      return text.append('}').toString();
    }
    if (value instanceof scala.collection.Iterable<?> items) {
      return list(CollectionConverters.asJava(items));
    }
    if (value instanceof Row row) {
      StringBuilder text = new StringBuilder("{");
      for (int i = 0; i < row.length(); i++) {
        text.append(i == 0 ? "" : ", ").append(of(row.get(i)));
      }
      return text.append('}').toString();
    }
    return String.valueOf(value);
  }

  private static String list(Iterable<?> items) {
    StringBuilder text = new StringBuilder("[");
    for (Object item : items) {
      text.append(text.length() == 1 ? "" : ", ").append(of(item));
    }
    return text.append(']').toString();
  }
}
