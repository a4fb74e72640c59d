package dev.kindling.kernel.testplugin;

import java.util.ArrayList;
import java.util.List;

/**
 * One logical line of a {@code kindling-test} cell: a command word and the rest of the line after
 * the first space.
 *
 * @param command the first word
 * @param argument everything after the first space, as written (may be empty)
 */
public record TestLine(String command, String argument) {

  /**
   * Splits a cell into logical lines: a line ending with {@code \} continues on the next (joined
   * without the backslash); blank lines and lines starting with {@code #} are dropped; leading
   * whitespace is ignored.
   */
  public static List<TestLine> parse(String code) {
    List<TestLine> lines = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String physical : code.split("\r?\n", -1)) {
      if (physical.endsWith("\\")) {
        pending.append(physical, 0, physical.length() - 1);
        continue;
      }
      pending.append(physical);
      add(pending.toString(), lines);
      pending.setLength(0);
    }
    add(pending.toString(), lines); // a cell that ends with a backslash
    return lines;
  }

  private static void add(String logical, List<TestLine> lines) {
    String line = logical.stripLeading();
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    int space = line.indexOf(' ');
    lines.add(
        space < 0
            ? new TestLine(line, "")
            : new TestLine(line.substring(0, space), line.substring(space + 1)));
  }

  /** The argument split at its first space into two parts; the second may be empty. */
  public String[] splitArgument() {
    int space = argument.indexOf(' ');
    return space < 0
        ? new String[] {argument, ""}
        : new String[] {argument.substring(0, space), argument.substring(space + 1)};
  }
}
