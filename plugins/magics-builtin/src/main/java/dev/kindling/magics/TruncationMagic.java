package dev.kindling.magics;

import org.pf4j.Extension;

/**
 * {@code %truncation on|off}: DataFrame tables cut cell values longer than 20 characters, as {@code
 * Dataset.show()} does. The kernel's DataFrame renderer reads {@value #SETTING}.
 */
@Extension
public final class TruncationMagic extends ToggleMagic {

  /** The kernel setting the DataFrame renderer reads. */
  public static final String SETTING = "kindling.display.truncate";

  public TruncationMagic() {
    super(
        "truncation",
        SETTING,
        false,
        "DataFrame tables cut values longer than 20 characters to 17 and '...',\n"
            + "as Dataset.show() does; when off they show values in full.");
  }

  @Override
  public String description() {
    return "Cut long values in DataFrame tables (on/off; no argument shows the state)";
  }
}
