package com.example.kindling.magic;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.MimeBundle;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * {@code %%upper}: a cell magic. It gets the rest of the cell as its body and shows it in upper
 * case, as plain text and as HTML.
 */
@Extension
public final class UpperMagic implements CellMagic {

  @Override
  public String name() {
    return "upper";
  }

  @Override
  public String description() {
    return "Show the cell in upper case (example plugin)";
  }

  @Override
  public String usage() {
    return "%%upper\nTEXT ...\n\nShows TEXT in upper case.";
  }

  @Override
  public ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context) {
    String upper = body.toUpperCase(Locale.ROOT);
    return ExecutionResult.value(
        MimeBundle.text(upper).with("text/html", "<pre>" + escape(upper) + "</pre>"));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
