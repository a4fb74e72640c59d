package dev.kindling.sparkr;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Column-wise conversion between R data.frames and DataFrames. R sends and receives one array per
 * column (what RBackend's SerDe carries well); rows are built and taken apart here.
 */
final class RDataFrames {

  private RDataFrames() {}

  /**
   * A DataFrame from R columns.
   *
   * @param names the column names
   * @param types per column one of {@code integer}, {@code double}, {@code character}, {@code
   *     logical}, {@code Date}, {@code POSIXct}
   * @param columns per column its values: a primitive or String array, or an Object array with
   *     nulls for NA (dates as "yyyy-mm-dd" strings, times as seconds since the epoch)
   */
  static Dataset<Row> create(
      SparkSession session, String[] names, String[] types, Object[] columns) {
    if (names.length != types.length || names.length != columns.length) {
      throw new IllegalArgumentException("names, types and columns differ in length");
    }
    List<StructField> fields = new ArrayList<>();
    List<Object[]> values = new ArrayList<>();
    int rows = -1;
    for (int c = 0; c < names.length; c++) {
      fields.add(DataTypes.createStructField(names[c], sparkType(types[c]), true));
      Object[] column = boxed(columns[c]);
      if (rows >= 0 && column.length != rows) {
        throw new IllegalArgumentException("column " + names[c] + " has another length");
      }
      rows = column.length;
      for (int r = 0; r < column.length; r++) {
        column[r] = toSpark(types[c], column[r]);
      }
      values.add(column);
    }
    List<Row> data = new ArrayList<>();
    for (int r = 0; r < Math.max(rows, 0); r++) {
      Object[] row = new Object[names.length];
      for (int c = 0; c < names.length; c++) {
        row[c] = values.get(c)[r];
      }
      data.add(RowFactory.create(row));
    }
    return session.createDataFrame(data, DataTypes.createStructType(fields));
  }

  private static DataType sparkType(String rType) {
    switch (rType) {
      case "integer":
        return DataTypes.IntegerType;
      case "double":
        return DataTypes.DoubleType;
      case "character":
        return DataTypes.StringType;
      case "logical":
        return DataTypes.BooleanType;
      case "Date":
        return DataTypes.DateType;
      case "POSIXct":
        return DataTypes.TimestampType;
      default:
        throw new IllegalArgumentException("cannot make a Spark column of R type " + rType);
    }
  }

  private static Object toSpark(String rType, Object value) {
    if (value == null) {
      return null;
    }
    switch (rType) {
      case "double":
        return ((Number) value).doubleValue();
      case "integer":
        return ((Number) value).intValue();
      case "Date":
        return value instanceof Date ? value : Date.valueOf(String.valueOf(value));
      case "POSIXct":
        if (value instanceof Timestamp) {
          return value;
        }
        double seconds = ((Number) value).doubleValue();
        return Timestamp.from(Instant.ofEpochMilli(Math.round(seconds * 1000)));
      default:
        return value;
    }
  }

  private static Object[] boxed(Object array) {
    if (array == null) {
      return new Object[0];
    }
    if (array instanceof Object[]) {
      return ((Object[]) array).clone();
    }
    int length = java.lang.reflect.Array.getLength(array);
    Object[] out = new Object[length];
    for (int i = 0; i < length; i++) {
      out[i] = java.lang.reflect.Array.get(array, i);
    }
    return out;
  }

  /**
   * Collects a DataFrame column-wise: {@code [names, rTypes, columns]}, where each column is an
   * Object array with nulls for missing values, dates as "yyyy-mm-dd" strings, timestamps as
   * seconds since the epoch, and values R has no type for as their text.
   */
  static Object[] collect(Dataset<Row> frame) {
    StructType schema = frame.schema();
    StructField[] fields = schema.fields();
    String[] names = new String[fields.length];
    String[] types = new String[fields.length];
    for (int c = 0; c < fields.length; c++) {
      names[c] = fields[c].name();
      types[c] = rType(fields[c].dataType());
    }
    List<Row> rows = frame.collectAsList();
    Object[] columns = new Object[fields.length];
    for (int c = 0; c < fields.length; c++) {
      Object[] column = new Object[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        column[r] = toR(types[c], rows.get(r).get(c));
      }
      columns[c] = column;
    }
    return new Object[] {names, types, columns};
  }

  private static String rType(DataType type) {
    if (type.equals(DataTypes.IntegerType)
        || type.equals(DataTypes.ShortType)
        || type.equals(DataTypes.ByteType)) {
      return "integer";
    }
    if (type.equals(DataTypes.LongType)
        || type.equals(DataTypes.DoubleType)
        || type.equals(DataTypes.FloatType)
        || type instanceof DecimalType) {
      return "double";
    }
    if (type.equals(DataTypes.BooleanType)) {
      return "logical";
    }
    if (type.equals(DataTypes.DateType)) {
      return "Date";
    }
    if (type.equals(DataTypes.TimestampType) || type.equals(DataTypes.TimestampNTZType)) {
      return "POSIXct";
    }
    return "character";
  }

  private static Object toR(String rType, Object value) {
    if (value == null) {
      return null;
    }
    switch (rType) {
      case "integer":
        return ((Number) value).intValue();
      case "double":
        return ((Number) value).doubleValue();
      case "logical":
        return value;
      case "Date":
        return String.valueOf(value instanceof Date ? ((Date) value).toLocalDate() : value);
      case "POSIXct":
        return seconds(value);
      default:
        return String.valueOf(value);
    }
  }

  private static double seconds(Object value) {
    Instant instant;
    if (value instanceof Timestamp) {
      instant = ((Timestamp) value).toInstant();
    } else if (value instanceof Instant) {
      instant = (Instant) value;
    } else if (value instanceof LocalDateTime) {
      instant = ((LocalDateTime) value).atZone(ZoneId.systemDefault()).toInstant();
    } else if (value instanceof LocalDate) {
      instant = ((LocalDate) value).atStartOfDay(ZoneId.systemDefault()).toInstant();
    } else {
      throw new IllegalArgumentException("not a time: " + value.getClass().getName());
    }
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  /** Column names and Columns as Columns. */
  static Column[] columns(Object[] columns) {
    Column[] out = new Column[columns == null ? 0 : columns.length];
    for (int i = 0; i < out.length; i++) {
      Object column = columns[i];
      if (column instanceof Column) {
        out[i] = (Column) column;
      } else if (column instanceof String) {
        out[i] = functions.col((String) column);
      } else {
        throw new IllegalArgumentException(
            "not a column name or Column: " + (column == null ? "NULL" : column.getClass()));
      }
    }
    return out;
  }
}
