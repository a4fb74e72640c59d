package dev.kindling.sql;

import java.util.List;

/**
 * A chart request: {@code --chart KIND --x COLUMN --y COLUMN}.
 *
 * @param kind bar, line, scatter or area
 * @param x the column on the x axis
 * @param y the column on the y axis
 */
record Chart(String kind, String x, String y) {

  /** The chart kinds, as written after {@code --chart}. */
  static final List<String> KINDS = List.of("bar", "line", "scatter", "area");

  /** The Vega-Lite mark of this kind of chart. */
  String mark() {
    return kind.equals("scatter") ? "point" : kind;
  }
}
