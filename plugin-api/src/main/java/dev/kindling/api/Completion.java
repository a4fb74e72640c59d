package dev.kindling.api;

import java.util.List;

/**
 * Completion candidates for the text between {@code start} and {@code end}.
 *
 * @param matches candidates that replace {@code code.substring(start, end)}
 * @param start start of the replaced range (Java string index)
 * @param end end of the replaced range (Java string index)
 */
public record Completion(List<String> matches, int start, int end) {

  public Completion {
    matches = List.copyOf(matches);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad completion range " + start + ".." + end);
    }
  }

  /** No candidates at the cursor. */
  public static Completion none(int cursor) {
    return new Completion(List.of(), cursor, cursor);
  }
}
