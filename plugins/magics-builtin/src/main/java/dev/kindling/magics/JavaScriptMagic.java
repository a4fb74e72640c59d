package dev.kindling.magics;

import java.util.List;
import org.pf4j.Extension;

/**
 * {@code %%javascript} (alias {@code %%js}, as in IPython): displays the cell as JavaScript ({@code
 * application/javascript}).
 */
@Extension
public final class JavaScriptMagic extends MimeCellMagic {

  public JavaScriptMagic() {
    super("javascript", "application/javascript", "JavaScript");
  }

  @Override
  public List<String> aliases() {
    return List.of("js");
  }
}
