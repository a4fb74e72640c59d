package dev.kindling.magics;

import org.pf4j.Extension;

/** {@code %%html}: displays the cell as HTML ({@code text/html}). */
@Extension
public final class HtmlMagic extends MimeCellMagic {

  public HtmlMagic() {
    super("html", "text/html", "HTML");
  }
}
