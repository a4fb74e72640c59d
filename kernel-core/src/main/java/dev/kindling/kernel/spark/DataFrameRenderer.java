package dev.kindling.kernel.spark;

import dev.kindling.api.Configuration;
import dev.kindling.api.DisplayRenderer;
import dev.kindling.api.MimeBundle;
import dev.kindling.api.spark.CellText;
import dev.kindling.api.spark.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Shows a DataFrame or Dataset as an HTML table plus a text table: its first rows (20 unless {@code
 * --conf kindling.display.maxRows=N}), values HTML-escaped, nulls as {@code null}, and a note when
 * there are more rows; values cut to 20 characters when {@value #TRUNCATE_SETTING} is true. Runs
 * one Spark job per render ({@code take(N + 1)}). Built into the kernel, so values of every
 * language render the same way.
 */
public final class DataFrameRenderer implements DisplayRenderer {

  /** The kernel setting for how many rows a DataFrame shows. */
  public static final String MAX_ROWS_SETTING = "kindling.display.maxRows";

  /**
   * The kernel setting ({@code true}/{@code false}, read at each render; {@code %truncation} sets
   * it) that cuts cell values longer than 20 characters, as {@code Dataset.show()} does.
   */
  public static final String TRUNCATE_SETTING = "kindling.display.truncate";

  static final int DEFAULT_MAX_ROWS = 20;

  private static final int TRUNCATE_AT = 20;

  private final int maxRows;
  private final BooleanSupplier truncate;

  public DataFrameRenderer(int maxRows) {
    this(maxRows, () -> false);
  }

  DataFrameRenderer(int maxRows, BooleanSupplier truncate) {
    if (maxRows < 1) {
      throw new IllegalArgumentException(MAX_ROWS_SETTING + " must be at least 1: " + maxRows);
    }
    this.maxRows = maxRows;
    this.truncate = truncate;
  }

  /** The renderer configured by {@value #MAX_ROWS_SETTING}, else showing 20 rows. */
  public static DataFrameRenderer fromConfiguration(Configuration configuration) {
    BooleanSupplier truncate =
        () -> configuration.get(TRUNCATE_SETTING, "false").strip().equalsIgnoreCase("true");
    String value = configuration.get(MAX_ROWS_SETTING, String.valueOf(DEFAULT_MAX_ROWS));
    try {
      return new DataFrameRenderer(Integer.parseInt(value.strip()), truncate);
    } catch (IllegalArgumentException e) {
      org.slf4j.LoggerFactory.getLogger(DataFrameRenderer.class)
          .warn("Ignoring {}={}: not a positive number", MAX_ROWS_SETTING, value);
      return new DataFrameRenderer(DEFAULT_MAX_ROWS, truncate);
    }
  }

  /** {@code Dataset.show()}'s cut: more than 20 characters become the first 17 and "...". */
  static String truncated(String text) {
    return text.length() > TRUNCATE_AT ? text.substring(0, TRUNCATE_AT - 3) + "..." : text;
  }

  @Override
  public Optional<MimeBundle> render(Object value) {
    if (!(value instanceof Dataset<?> dataset)) {
      return Optional.empty();
    }
    Dataset<Row> frame = dataset.toDF();
    List<String> columns = List.of(frame.columns());
    List<Row> taken = frame.takeAsList(maxRows + 1);
    boolean truncated = taken.size() > maxRows;
    List<List<String>> rows = new ArrayList<>();
    boolean cut = truncate.getAsBoolean();
    for (Row row : taken.subList(0, Math.min(maxRows, taken.size()))) {
      List<String> cells = new ArrayList<>(row.length());
      for (int i = 0; i < row.length(); i++) {
        String text = CellText.of(row.get(i));
        cells.add(cut ? truncated(text) : text);
      }
      rows.add(cells);
    }
    TextTable table = TextTable.firstRows(columns, rows, truncated);
    return Optional.of(
        MimeBundle.of("text/html", table.html()).with(MimeBundle.TEXT_PLAIN, table.text()));
  }

  /** Renders before plugins' generic renderers. */
  @Override
  public int priority() {
    return 100;
  }
}
