package dev.kindling.sql;

import java.util.Locale;

/** How a query result is shown: which MIME types its display carries besides text/plain. */
enum ResultFormat {
  /** HTML table and text table. */
  HTML,
  /** Text table only. */
  TEXT,
  /** HTML and text tables plus {@code application/json}. */
  JSON,
  /** HTML and text tables plus {@code text/csv}. */
  CSV;

  static ResultFormat named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
