package dev.kindling.magics;

import org.pf4j.Extension;

/** {@code %%javascript}: displays the cell as JavaScript ({@code application/javascript}). */
@Extension
public final class JavaScriptMagic extends MimeCellMagic {

  public JavaScriptMagic() {
    super("javascript", "application/javascript", "JavaScript");
  }
}
