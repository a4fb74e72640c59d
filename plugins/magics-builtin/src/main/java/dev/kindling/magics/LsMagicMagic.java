package dev.kindling.magics;

import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import dev.kindling.api.Magic;
import dev.kindling.api.MagicUsageException;
import dev.kindling.api.Magics;
import java.util.List;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/** {@code %lsmagic}: every line and cell magic of every loaded plugin, with its description. */
@Extension
public final class LsMagicMagic implements LineMagic {

  @Override
  public String name() {
    return "lsmagic";
  }

  @Override
  public String description() {
    return "List every line and cell magic with a one-line description";
  }

  @Override
  public String usage() {
    return "%lsmagic\n\nLists the line magics (%name) and cell magics (%%name) of every loaded plugin.";
  }

  @Override
  public ExecutionResult run(String arguments, KernelContext context) {
    if (!arguments.isEmpty()) {
      throw new MagicUsageException("takes no arguments");
    }
    return ExecutionResult.value(listing(context.magics()));
  }

  /** The listing as text: one section per kind, names padded to one column. */
  static String listing(Magics magics) {
    List<String> line = magics.lineMagics().stream().map(m -> "%" + label(m, "%")).toList();
    List<String> cell = magics.cellMagics().stream().map(m -> "%%" + label(m, "%%")).toList();
    int width =
        java.util.stream.Stream.concat(line.stream(), cell.stream())
                .mapToInt(String::length)
                .max()
                .orElse(0)
            + 2;
    StringBuilder text = new StringBuilder("Line magics:\n");
    section(text, line, magics.lineMagics(), width);
    text.append("\nCell magics:\n");
    section(text, cell, magics.cellMagics(), width);
    text.append("\nType %name? or %help name for a magic's usage. Names ignore case.");
    return text.toString();
  }

  private static String label(Magic magic, String prefix) {
    if (magic.aliases().isEmpty()) {
      return magic.name();
    }
    return magic.name()
        + " ("
        + magic.aliases().stream().map(a -> prefix + a).collect(Collectors.joining(", "))
        + ")";
  }

  private static void section(
      StringBuilder text, List<String> labels, List<? extends Magic> magics, int width) {
    if (labels.isEmpty()) {
      text.append("  (none)\n");
    }
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      text.append("  ")
          .append(label)
          .append(" ".repeat(width - label.length()))
          .append(magics.get(i).description())
          .append('\n');
    }
  }
}
