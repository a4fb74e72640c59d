package dev.kindling.kernel.magic;

import dev.kindling.api.CellMagic;
import dev.kindling.api.LineMagic;
import dev.kindling.api.Magic;
import java.util.List;

/** A cell split into what runs it: a cell magic, or a sequence of code and line magics. */
public sealed interface ParsedCell {

  /** The whole cell goes to a cell magic. */
  record CellMagicCall(CellMagic magic, String arguments, String body) implements ParsedCell {}

  /**
   * A first line {@code %%name} that no plugin claims: the interpreter runs the cell when it has
   * magics of its own, otherwise the cell fails.
   *
   * @param name the magic's name as written
   * @param code the whole cell
   */
  record UnclaimedCellMagic(String name, String code) implements ParsedCell {}

  /** Code and line magics, run in order. */
  record Segments(List<Segment> segments) implements ParsedCell {
    public Segments {
      segments = List.copyOf(segments);
    }
  }

  /** One step of a cell. */
  sealed interface Segment {}

  /** Code for the interpreter (which also gets any magic no plugin claims, untouched). */
  record Code(String code) implements Segment {}

  /** A {@code %name arguments} line. */
  record LineMagicCall(LineMagic magic, String arguments) implements Segment {}

  /** A {@code %name?} line: show the magic's usage. */
  record Help(Magic magic) implements Segment {}
}
