package dev.kindling.magics;

import org.pf4j.Extension;

/** {@code %%latex}: displays the cell as LaTeX ({@code text/latex}). */
@Extension
public final class LatexMagic extends MimeCellMagic {

  public LatexMagic() {
    super("latex", "text/latex", "LaTeX");
  }
}
