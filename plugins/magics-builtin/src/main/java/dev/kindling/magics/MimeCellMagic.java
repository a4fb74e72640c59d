package dev.kindling.magics;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.MagicUsageException;
import dev.kindling.api.MimeBundle;
import java.util.Locale;

/**
 * A cell magic that displays its body as it is under one MIME type, with the body as the {@code
 * text/plain} fallback that front ends without that renderer show.
 */
abstract class MimeCellMagic implements CellMagic {

  private final String name;
  private final String mimeType;
  private final String what;

  MimeCellMagic(String name, String mimeType, String what) {
    this.name = name;
    this.mimeType = mimeType;
    this.what = what;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return "Display the cell as " + what + " (" + mimeType + ")";
  }

  @Override
  public final String usage() {
    return "%%"
        + name
        + "\n"
        + what.toUpperCase(Locale.ROOT)
        + " ...\n\nDisplays the rest of the cell as "
        + what
        + ", with MIME type "
        + mimeType
        + " and the text itself as text/plain.";
  }

  /** The bundle a body becomes. */
  final MimeBundle bundle(String body) {
    return MimeBundle.of(mimeType, body).with(MimeBundle.TEXT_PLAIN, body);
  }

  @Override
  public final ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context) {
    if (!arguments.isEmpty()) {
      throw new MagicUsageException("takes no arguments on the %%" + name + " line");
    }
    if (body.isBlank()) {
      throw new MagicUsageException("the cell has nothing to display");
    }
    if (!request.silent()) {
      context.display().display(bundle(body));
    }
    return ExecutionResult.empty();
  }
}
