package dev.kindling.magics;

import org.pf4j.Extension;

/** {@code %%markdown}: displays the cell as Markdown ({@code text/markdown}). */
@Extension
public final class MarkdownMagic extends MimeCellMagic {

  public MarkdownMagic() {
    super("markdown", "text/markdown", "Markdown");
  }
}
