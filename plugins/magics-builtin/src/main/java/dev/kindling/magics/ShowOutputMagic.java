package dev.kindling.magics;

import org.pf4j.Extension;

/**
 * {@code %showoutput on|off}: the Scala REPL's echo of definitions ({@code val x: Int = 1}, {@code
 * def f(...)}, {@code class Foo}). The Scala plugin reads {@value #SETTING}.
 */
@Extension
public final class ShowOutputMagic extends ToggleMagic {

  /** The kernel setting the Scala interpreter reads. */
  public static final String SETTING = "kindling.scala.echo";

  public ShowOutputMagic() {
    super(
        "showoutput",
        SETTING,
        true,
        "Scala cells print the REPL's echo of what they define (val x: Int = 1,\n"
            + "def f(a: Int): Int, class Foo); when off that echo is hidden. println output\n"
            + "and results are shown either way.");
  }

  @Override
  public String description() {
    return "Show the Scala REPL's echo of definitions (on/off; no argument shows the state)";
  }
}
