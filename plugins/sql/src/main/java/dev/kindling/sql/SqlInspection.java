package dev.kindling.sql;

import dev.kindling.api.MimeBundle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inspection for SQL cells (Shift+Tab, JupyterLab's contextual help): what the catalog knows about
 * the name at the cursor, or about the function whose arguments the cursor is in.
 *
 * <ul>
 *   <li>a table or view: its kind and columns with their types;
 *   <li>{@code table.column} or {@code alias.column}: that column;
 *   <li>a function: Spark's own documentation ({@code DESCRIBE FUNCTION EXTENDED}): usage,
 *       examples, since which version;
 *   <li>a bare name that is a column of a table the cell names: that column.
 * </ul>
 *
 * A name followed by {@code (} is looked up as a function only. When the name at the cursor is
 * nothing the catalog knows (an argument being typed), the enclosing function call is shown.
 * Keywords and unknown names are not found. Like completion, inspection reads the catalog of a
 * running session and never starts Spark.
 */
final class SqlInspection {

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final Set<String> KEYWORDS = Set.copyOf(SqlKeywords.ALL);

  private SqlInspection() {}

  static Optional<MimeBundle> inspect(String code, int cursor, Optional<SqlCatalog> catalog) {
    if (catalog.isEmpty()) {
      return Optional.empty();
    }
    int at = Math.max(0, Math.min(cursor, code.length()));
    // While an argument is typed (upper(na|), the function is what there is to show.
    return nameAt(code, at)
        .flatMap(n -> describe(n, code, catalog.get()))
        .or(() -> enclosingCall(code, at).flatMap(n -> describe(n, code, catalog.get())));
  }

  /** A dotted name and whether a {@code (} follows it. */
  record Name(String text, boolean called) {

    String last() {
      return text.substring(text.lastIndexOf('.') + 1);
    }

    Optional<String> qualifier() {
      int dot = text.lastIndexOf('.');
      return dot > 0 ? Optional.of(text.substring(0, dot)) : Optional.empty();
    }
  }

  /** The dotted name the cursor is in or right after ({@code upper|}, {@code peo|ple}). */
  static Optional<Name> nameAt(String code, int cursor) {
    int start = cursor;
    while (start > 0 && isNamePart(code.charAt(start - 1))) {
      start--;
    }
    int end = cursor;
    while (end < code.length() && isNamePart(code.charAt(end))) {
      end++;
    }
    String text = trimDots(code.substring(start, end));
    if (text.isEmpty() || !Character.isLetter(text.charAt(0)) && text.charAt(0) != '_') {
      return Optional.empty();
    }
    int next = end;
    while (next < code.length() && Character.isWhitespace(code.charAt(next))) {
      next++;
    }
    return Optional.of(new Name(text, next < code.length() && code.charAt(next) == '('));
  }

  /** The function whose argument list the cursor is in: {@code upper(|} or {@code f(a, |}. */
  static Optional<Name> enclosingCall(String code, int cursor) {
    int depth = 0;
    for (int i = cursor - 1; i >= 0; i--) {
      char c = code.charAt(i);
      if (c == ')') {
        depth++;
      } else if (c == '(') {
        if (depth == 0) {
          return nameAt(code, i).filter(Name::called);
        }
        depth--;
      }
    }
    return Optional.empty();
  }

  private static Optional<MimeBundle> describe(Name name, String code, SqlCatalog catalog) {
    if (name.called()) {
      return catalog.function(name.text()).map(MimeBundle::text);
    }
    Optional<String> qualified =
        name.qualifier()
            .flatMap(q -> tableNamed(code, q, catalog))
            .flatMap(table -> column(table, name.last()));
    if (qualified.isPresent()) {
      return qualified.map(MimeBundle::text);
    }
    return catalog
        .table(name.text())
        .map(SqlInspection::describeTable)
        .or(() -> catalog.function(name.text()))
        .or(() -> mentionedColumn(code, name.text(), catalog))
        .map(MimeBundle::text);
  }

  /** The table a qualifier names: the catalog's table of that name, else the alias's table. */
  private static Optional<SqlCatalog.TableInfo> tableNamed(
      String code, String qualifier, SqlCatalog catalog) {
    return catalog
        .table(qualifier)
        .or(() -> SqlCompletion.aliased(code, qualifier).flatMap(catalog::table));
  }

  private static Optional<String> column(SqlCatalog.TableInfo table, String column) {
    return table.column(column).map(c -> describeColumn(c, table.name()));
  }

  /**
   * A bare name that is a column of one of the tables the cell names; each other word of the cell
   * that is not a keyword is looked up once.
   */
  private static Optional<String> mentionedColumn(String code, String name, SqlCatalog catalog) {
    Set<String> words = new LinkedHashSet<>();
    Matcher m = WORD.matcher(code);
    while (m.find()) {
      String word = m.group();
      if (!word.equalsIgnoreCase(name) && !KEYWORDS.contains(word.toUpperCase(Locale.ROOT))) {
        words.add(word);
      }
    }
    for (String word : words) {
      Optional<String> found = catalog.table(word).flatMap(table -> column(table, name));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  static String describeTable(SqlCatalog.TableInfo table) {
    StringBuilder text = new StringBuilder(table.name()).append(" (").append(table.kind());
    text.append(")\n");
    table.description().ifPresent(d -> text.append(d).append('\n'));
    int width = table.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
    int typeWidth = table.columns().stream().mapToInt(c -> c.type().length()).max().orElse(0);
    for (SqlCatalog.ColumnInfo column : table.columns()) {
      String line =
          String.format(
              Locale.ROOT,
              "  %-" + width + "s  %-" + typeWidth + "s%s%s",
              column.name(),
              column.type(),
              column.nullable() ? "" : "  not null",
              column.comment().map(c -> "  -- " + c).orElse(""));
      text.append(line.stripTrailing()).append('\n');
    }
    return text.toString().stripTrailing();
  }

  static String describeColumn(SqlCatalog.ColumnInfo column, String table) {
    return column.name()
        + ": "
        + column.type()
        + (column.nullable() ? "" : " not null")
        + ", a column of "
        + table
        + column.comment().map(c -> "\n" + c).orElse("");
  }

  private static String trimDots(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '.') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '.') {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }
}
