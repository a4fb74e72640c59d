package dev.kindling.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.ExecutionResult;
import dev.kindling.api.MagicUsageException;
import dev.kindling.kernel.plugin.FakeKernelContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingAndHelpTest {

  private final FakeKernelContext context =
      new FakeKernelContext()
          .withMagics(
              List.of(new LsMagicMagic(), new HelpMagic(), new ShellLineMagic()),
              List.of(new HtmlMagic(), new ShellCellMagic(), new TimeMagic()));

  private static String text(ExecutionResult result) {
    return String.valueOf(((ExecutionResult.Value) result).value());
  }

  @Test
  void lsmagicListsEveryMagicWithItsDescription() throws Exception {
    String listing = text(new LsMagicMagic().run("", context));
    assertThat(listing)
        .contains("Line magics:", "Cell magics:")
        .containsPattern("  %lsmagic +List every line and cell magic")
        .containsPattern("  %sh +Run a shell command")
        .containsPattern("  %%html +Display the cell as HTML \\(text/html\\)")
        .containsPattern("  %%time +Run the cell in its language");
    assertThat(listing.indexOf("%help")).isLessThan(listing.indexOf("%lsmagic"));
  }

  @Test
  void lsmagicTakesNoArguments() {
    assertThatThrownBy(() -> new LsMagicMagic().run("x", context))
        .isInstanceOf(MagicUsageException.class);
  }

  @Test
  void helpShowsLineAndCellUsage() throws Exception {
    String help = text(new HelpMagic().run("SH", context));
    assertThat(help).contains("%sh COMMAND", "Run a shell command", "Run the cell as a /bin/sh");
    assertThat(text(new HelpMagic().run("%%html", context))).contains("%%html", "text/html");
  }

  @Test
  void helpForAnUnknownNameIsAUsageError() {
    assertThatThrownBy(() -> new HelpMagic().run("nosuch", context))
        .isInstanceOf(MagicUsageException.class)
        .hasMessageContaining("no magic named nosuch");
    assertThatThrownBy(() -> new HelpMagic().run("", context))
        .isInstanceOf(MagicUsageException.class);
  }
}
