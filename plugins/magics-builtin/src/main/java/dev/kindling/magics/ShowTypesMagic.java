package dev.kindling.magics;

import org.pf4j.Extension;

/**
 * {@code %showtypes on|off}: Scala results show their type ({@code Int = 42}). The Scala plugin
 * reads {@value #SETTING}.
 */
@Extension
public final class ShowTypesMagic extends ToggleMagic {

  /** The kernel setting the Scala interpreter reads. */
  public static final String SETTING = "kindling.scala.showTypes";

  public ShowTypesMagic() {
    super(
        "showtypes",
        SETTING,
        false,
        "a Scala cell's result shows its type before the value, as the Scala REPL\n"
            + "prints it (Int = 42); when off only the value is shown.");
  }

  @Override
  public String description() {
    return "Show the type of Scala results (on/off; no argument shows the state)";
  }
}
