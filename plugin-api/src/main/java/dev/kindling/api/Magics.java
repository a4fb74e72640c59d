package dev.kindling.api;

import java.util.List;
import java.util.Optional;

/** The magics loaded into the kernel, as seen by plugins (for {@code %lsmagic}, for example). */
public interface Magics {

  /** Every line magic, in name order. */
  List<LineMagic> lineMagics();

  /** Every cell magic, in name order. */
  List<CellMagic> cellMagics();

  /** The line magic with this name or alias, ignoring case. */
  Optional<LineMagic> lineMagic(String name);

  /** The cell magic with this name or alias, ignoring case. */
  Optional<CellMagic> cellMagic(String name);
}
