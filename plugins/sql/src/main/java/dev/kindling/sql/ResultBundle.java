package dev.kindling.sql;

import dev.kindling.api.MimeBundle;
import java.util.Optional;

/** The display of a query result: tables in the requested format, and a chart when asked. */
final class ResultBundle {

  /** What a statement without a result (DDL, {@code INSERT}, {@code SET}...) shows. */
  static final String OK = "OK";

  private ResultBundle() {}

  static MimeBundle of(QueryResult result, ResultFormat format, Optional<Chart> chart) {
    if (result.columns().isEmpty()) {
      return MimeBundle.text(OK);
    }
    MimeBundle bundle;
    if (format == ResultFormat.TEXT) {
      bundle = MimeBundle.text(ResultTables.text(result));
    } else {
      bundle =
          MimeBundle.of("text/html", ResultTables.html(result))
              .with(MimeBundle.TEXT_PLAIN, ResultTables.text(result));
    }
    if (format == ResultFormat.JSON) {
      bundle = bundle.with("application/json", JsonValues.table(result));
    }
    if (format == ResultFormat.CSV) {
      bundle = bundle.with("text/csv", ResultTables.csv(result));
    }
    if (chart.isPresent()) {
      bundle = bundle.with(VegaLiteSpec.MIME_TYPE, VegaLiteSpec.of(chart.get(), result));
    }
    return bundle;
  }
}
