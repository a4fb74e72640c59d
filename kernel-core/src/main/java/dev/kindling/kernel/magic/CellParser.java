package dev.kindling.kernel.magic;

import dev.kindling.api.Magic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into magics and code. A first line {@code %%name args} claimed by a cell magic
 * hands the rest of the cell to it. Otherwise every {@code %name args} line claimed by a line magic
 * runs as that magic, in order with the code around it. Names are case-insensitive; a line magic no
 * plugin claims stays in the code untouched, so the interpreter's own magics keep working. A first
 * line {@code %%name} no plugin claims is reported as such: the cell's interpreter may know it, or
 * the cell fails naming the nearest magics. {@code %name?} and {@code %%name?} show usage.
 */
public final class CellParser {

  private static final Pattern CELL_MAGIC =
      Pattern.compile("^\\s*%%([A-Za-z_][\\w.-]*)(?:[ \\t]+(.*?))?\\s*$");
  private static final Pattern CELL_MAGIC_HELP =
      Pattern.compile("^\\s*%%([A-Za-z_][\\w.-]*)\\?\\s*$");
  private static final Pattern LINE_MAGIC =
      Pattern.compile("^\\s*%(?!%)([A-Za-z_][\\w.-]*)(\\?)?(?:[ \\t]+(.*?))?\\s*$");

  private final MagicRegistry magics;

  public CellParser(MagicRegistry magics) {
    this.magics = magics;
  }

  public ParsedCell parse(String code) {
    String[] lines = code.split("\n", -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first < lines.length) {
      Matcher cell = CELL_MAGIC.matcher(lines[first]);
      if (cell.matches()) {
        var magic = magics.cellMagic(cell.group(1));
        if (magic.isPresent()) {
          String body = String.join("\n", List.of(lines).subList(first + 1, lines.length));
          return new ParsedCell.CellMagicCall(magic.get(), nullToEmpty(cell.group(2)), body);
        }
        return new ParsedCell.UnclaimedCellMagic(cell.group(1), code);
      }
      Matcher help = CELL_MAGIC_HELP.matcher(lines[first]);
      if (help.matches() && magics.cellMagic(help.group(1)).isPresent()) {
        return new ParsedCell.Segments(
            List.of(new ParsedCell.Help(magics.cellMagic(help.group(1)).get())));
      }
    }
    List<ParsedCell.Segment> segments = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : lines) {
      Optional<ParsedCell.Segment> magic = lineMagic(line);
      if (magic.isEmpty()) {
        pending.append(pending.isEmpty() ? "" : "\n").append(line);
        continue;
      }
      if (!pending.toString().isBlank()) {
        segments.add(new ParsedCell.Code(pending.toString()));
      }
      pending.setLength(0);
      segments.add(magic.get());
    }
    if (!pending.toString().isBlank() || segments.isEmpty()) {
      segments.add(new ParsedCell.Code(pending.toString()));
    }
    return new ParsedCell.Segments(segments);
  }

  private Optional<ParsedCell.Segment> lineMagic(String line) {
    Matcher m = LINE_MAGIC.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = m.group(1);
    if (m.group(2) != null) {
      Optional<Magic> magic =
          magics.lineMagic(name).<Magic>map(x -> x).or(() -> magics.cellMagic(name));
      return magic.map(ParsedCell.Help::new);
    }
    return magics
        .lineMagic(name)
        .map(x -> new ParsedCell.LineMagicCall(x, nullToEmpty(m.group(3))));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
