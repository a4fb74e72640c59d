package dev.kindling.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.MagicUsageException;
import dev.kindling.api.MimeBundle;
import dev.kindling.kernel.plugin.FakeKernelContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimeCellMagicTest {

  private final FakeKernelContext context = new FakeKernelContext();
  private final ExecutionRequest request = new ExecutionRequest("", 1, false, true, false);

  @Test
  void eachMagicDisplaysItsMimeTypeWithAPlainTextFallback() throws Exception {
    List<MimeCellMagic> magics =
        List.of(new HtmlMagic(), new JavaScriptMagic(), new MarkdownMagic(), new LatexMagic());
    List<String> types =
        List.of("text/html", "application/javascript", "text/markdown", "text/latex");
    for (int i = 0; i < magics.size(); i++) {
      ExecutionResult result = magics.get(i).run("", "<b>x</b>\nline 2", request, context);
      assertThat(result).isEqualTo(ExecutionResult.empty());
      MimeBundle shown = ((FakeKernelContext.Shown) context.displayEvents().get(i)).bundle();
      assertThat(shown.data())
          .containsEntry(types.get(i), "<b>x</b>\nline 2")
          .containsEntry("text/plain", "<b>x</b>\nline 2");
    }
  }

  @Test
  void anEmptyBodyOrArgumentsAreUsageErrors() {
    assertThatThrownBy(() -> new HtmlMagic().run("", "  \n", request, context))
        .isInstanceOf(MagicUsageException.class);
    assertThatThrownBy(() -> new HtmlMagic().run("--x", "<b>", request, context))
        .isInstanceOf(MagicUsageException.class);
  }

  @Test
  void silentCellsDisplayNothing() throws Exception {
    new MarkdownMagic().run("", "# hi", new ExecutionRequest("", 1, true, false, false), context);
    assertThat(context.displayEvents()).isEmpty();
  }
}
