package dev.kindling.kernel.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The execution counter and the inputs (and text outputs) of this kernel session's stored cells,
 * for {@code history_request}. The session is numbered {@value #SESSION}. Used from the execution
 * thread only.
 */
public final class ExecutionHistory {

  /** The number this kernel session's entries carry. */
  public static final int SESSION = 1;

  /**
   * One stored cell.
   *
   * @param line the cell's execution count
   * @param input its code
   * @param output its result as text, if it had one
   */
  public record Entry(int session, int line, String input, Optional<String> output) {}

  private final List<Entry> entries = new ArrayList<>();
  private int executionCount;

  /** The current execution count (0 before the first stored cell). */
  public int executionCount() {
    return executionCount;
  }

  /** Counts a new stored cell and returns its execution count. */
  public int next() {
    return ++executionCount;
  }

  /** Stores a cell's input and text output. */
  public void add(int line, String input, Optional<String> output) {
    entries.add(new Entry(SESSION, line, input, output));
  }

  /** The last {@code n} entries. */
  public List<Entry> tail(int n) {
    return List.copyOf(
        entries.subList(Math.max(0, entries.size() - Math.max(0, n)), entries.size()));
  }

  /**
   * Entries with {@code start <= line < stop} in a session: 0 (or {@value #SESSION}) is this one;
   * earlier sessions are not kept. {@code stop <= 0} means to the end.
   */
  public List<Entry> range(int session, int start, int stop) {
    if (session != 0 && session != SESSION) {
      return List.of();
    }
    return entries.stream()
        .filter(e -> e.line() >= start && (stop <= 0 || e.line() < stop))
        .toList();
  }

  /**
   * The last {@code n} entries (all when {@code n <= 0}) whose input matches a glob ({@code *} any
   * text, {@code ?} one character; the whole input must match); {@code unique} keeps the latest of
   * equal inputs.
   */
  public List<Entry> search(String glob, int n, boolean unique) {
    Pattern pattern = globToPattern(glob);
    List<Entry> matches =
        entries.stream().filter(e -> pattern.matcher(e.input()).matches()).toList();
    if (unique) {
      Map<String, Entry> latest = new LinkedHashMap<>();
      for (Entry entry : matches) {
        latest.remove(entry.input());
        latest.put(entry.input(), entry);
      }
      matches = List.copyOf(latest.values());
    }
    return n <= 0 ? matches : matches.subList(Math.max(0, matches.size() - n), matches.size());
  }

  private static Pattern globToPattern(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
