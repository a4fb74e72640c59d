package dev.kindling.sql;

import dev.kindling.api.Completion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion for SQL cells: after {@code table.} (or {@code alias.} for {@code FROM table alias}),
 * that table's columns; otherwise keywords, tables and views, columns of the tables the cell names,
 * and function names, each starting with the word before the cursor (ignoring case). Keywords
 * follow the case of what was typed. Without a running session, keywords only.
 */
final class SqlCompletion {

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** {@code FROM table [AS] alias} and {@code JOIN table [AS] alias}. */
  private static final Pattern ALIAS =
      Pattern.compile(
          "(?i)\\b(?:FROM|JOIN)\\s+([A-Za-z_][A-Za-z0-9_.]*)\\s+(?:AS\\s+)?([A-Za-z_][A-Za-z0-9_]*)");

  private SqlCompletion() {}

  static Completion complete(String code, int cursor, Optional<SqlCatalog> catalog) {
    int start = cursor;
    while (start > 0 && isWordPart(code.charAt(start - 1))) {
      start--;
    }
    String prefix = code.substring(start, cursor);
    Set<String> matches = new LinkedHashSet<>();
    if (start > 0 && code.charAt(start - 1) == '.') {
      int qualifierStart = start - 1;
      while (qualifierStart > 0 && isWordPart(code.charAt(qualifierStart - 1))) {
        qualifierStart--;
      }
      String qualifier = code.substring(qualifierStart, start - 1);
      if (!qualifier.isEmpty() && catalog.isPresent()) {
        catalog
            .get()
            .columns(qualifier)
            .or(() -> aliased(code, qualifier).flatMap(catalog.get()::columns))
            .ifPresent(cs -> addMatching(matches, cs, prefix));
      }
      return new Completion(List.copyOf(matches), start, cursor);
    }
    if (prefix.isEmpty()) {
      return Completion.none(cursor);
    }
    boolean lower = prefix.equals(prefix.toLowerCase(Locale.ROOT));
    for (String keyword : SqlKeywords.ALL) {
      if (startsWithIgnoringCase(keyword, prefix)) {
        matches.add(lower ? keyword.toLowerCase(Locale.ROOT) : keyword);
      }
    }
    if (catalog.isPresent()) {
      List<String> tables = catalog.get().tables();
      addMatching(matches, tables, prefix);
      for (String table : mentioned(code, tables)) {
        catalog.get().columns(table).ifPresent(cs -> addMatching(matches, cs, prefix));
      }
      addMatching(matches, catalog.get().functions(), prefix);
    }
    return new Completion(List.copyOf(matches), start, cursor);
  }

  /** The table {@code alias} stands for in the code ({@code FROM people p}), if any. */
  static Optional<String> aliased(String code, String alias) {
    Matcher m = ALIAS.matcher(code);
    while (m.find()) {
      if (m.group(2).equalsIgnoreCase(alias)) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  /** The known tables whose names appear as words in the code. */
  private static List<String> mentioned(String code, List<String> tables) {
    Set<String> words = new LinkedHashSet<>();
    Matcher m = WORD.matcher(code);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    List<String> found = new ArrayList<>();
    for (String table : tables) {
      if (words.contains(table.toLowerCase(Locale.ROOT))) {
        found.add(table);
      }
    }
    return found;
  }

  private static void addMatching(Set<String> matches, List<String> names, String prefix) {
    for (String name : names) {
      if (startsWithIgnoringCase(name, prefix)) {
        matches.add(name);
      }
    }
  }

  private static boolean startsWithIgnoringCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
