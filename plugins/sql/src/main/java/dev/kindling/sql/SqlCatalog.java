package dev.kindling.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Column;
import org.apache.spark.sql.catalog.Function;
import org.apache.spark.sql.catalog.Table;

/**
 * What completion and inspection need from the session's catalog: tables and views of the current
 * database (temporary views included), their columns and the functions. Failures give empty
 * results: completion and inspection never fail a request.
 */
final class SqlCatalog {

  private final SparkSession spark;
  private volatile List<String> functions;

  SqlCatalog(SparkSession spark) {
    this.spark = spark;
  }

  List<String> tables() {
    try {
      List<String> names = new ArrayList<>();
      for (Table table : spark.catalog().listTables().collectAsList()) {
        names.add(table.name());
      }
      return names;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  Optional<List<String>> columns(String table) {
    try {
      return Optional.of(List.of(spark.table(table).columns()));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** A table or view as inspection shows it. */
  record TableInfo(
      String name, String kind, Optional<String> description, List<ColumnInfo> columns) {

    Optional<ColumnInfo> column(String name) {
      return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
  }

  /** A column with its SQL type ({@code int}, {@code array<string>}). */
  record ColumnInfo(String name, String type, boolean nullable, Optional<String> comment) {}

  /** The table or view {@code name} ({@code db.table} allowed) names, if the catalog has one. */
  Optional<TableInfo> table(String name) {
    try {
      if (!spark.catalog().tableExists(name)) {
        return Optional.empty();
      }
      Table table = spark.catalog().getTable(name);
      List<ColumnInfo> columns = new ArrayList<>();
      for (Column column : spark.catalog().listColumns(name).collectAsList()) {
        columns.add(
            new ColumnInfo(
                column.name(),
                column.dataType(),
                column.nullable(),
                Optional.ofNullable(column.description()).filter(d -> !d.isBlank())));
      }
      return Optional.of(
          new TableInfo(
              table.name(),
              kind(table),
              Optional.ofNullable(table.description()).filter(d -> !d.isBlank()),
              List.copyOf(columns)));
    } catch (Exception e) {
      // Spark's AnalysisException and ParseException are checked in Scala's eyes only.
      return Optional.empty();
    }
  }

  /**
   * Spark's documentation of the function {@code name}: the text of {@code DESCRIBE FUNCTION
   * EXTENDED} (usage, examples, since which version), if the catalog has such a function.
   */
  Optional<String> function(String name) {
    try {
      if (!spark.catalog().functionExists(name)) {
        return Optional.empty();
      }
      StringBuilder text = new StringBuilder();
      for (Row row : spark.sql("DESCRIBE FUNCTION EXTENDED " + quoted(name)).collectAsList()) {
        text.append(row.getString(0)).append('\n');
      }
      return Optional.of(text.toString().stripTrailing()).filter(t -> !t.isEmpty());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static String kind(Table table) {
    if (table.isTemporary()) {
      return "temporary view";
    }
    String type = String.valueOf(table.tableType()).toLowerCase(Locale.ROOT);
    return type.equals("view") ? "view" : type + " table";
  }

  /** {@code db.fn} as {@code `db`.`fn`}; the parts are plain words (see SqlInspection). */
  private static String quoted(String name) {
    StringBuilder quoted = new StringBuilder();
    for (String part : name.split("\\.")) {
      if (!quoted.isEmpty()) {
        quoted.append('.');
      }
      quoted.append('`').append(part.replace("`", "``")).append('`');
    }
    return quoted.toString();
  }

  /** Function names (built-in and registered), read once. */
  List<String> functions() {
    List<String> known = functions;
    if (known == null) {
      List<String> names = new ArrayList<>();
      try {
        for (Function function : spark.catalog().listFunctions().collectAsList()) {
          names.add(function.name());
        }
      } catch (RuntimeException e) {
        return List.of();
      }
      known = List.copyOf(names);
      functions = known;
    }
    return known;
  }
}
