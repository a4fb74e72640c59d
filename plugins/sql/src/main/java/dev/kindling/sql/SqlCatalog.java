package dev.kindling.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Function;
import org.apache.spark.sql.catalog.Table;

/**
 * What completion needs from the session's catalog: tables and views of the current database
 * (temporary views included), their columns and the function names. Failures give empty lists:
 * completion never fails a request.
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
