package dev.kindling.magics;

import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import dev.kindling.api.Magic;
import dev.kindling.api.MagicUsageException;
import dev.kindling.api.Magics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/** {@code %help name}: a magic's usage, as {@code %name?} shows it. */
@Extension
public final class HelpMagic implements LineMagic {

  @Override
  public String name() {
    return "help";
  }

  @Override
  public String description() {
    return "Show a magic's usage";
  }

  @Override
  public String usage() {
    return "%help NAME\n\n"
        + "Shows the usage of the line or cell magic NAME (with or without its % or %%).\n"
        + "Example: %help sh";
  }

  @Override
  public ExecutionResult run(String arguments, KernelContext context) {
    if (arguments.isEmpty() || arguments.contains(" ")) {
      throw new MagicUsageException("give one magic name");
    }
    String name = arguments.replaceFirst("^%+", "");
    Magics magics = context.magics();
    List<String> texts = new ArrayList<>();
    Optional<? extends Magic> line =
        arguments.startsWith("%%") ? Optional.empty() : magics.lineMagic(name);
    line.ifPresent(m -> texts.add(help(m)));
    Optional<? extends Magic> cell = magics.cellMagic(name);
    cell.filter(m -> line.isEmpty() || m != line.get()).ifPresent(m -> texts.add(help(m)));
    if (texts.isEmpty()) {
      throw new MagicUsageException("no magic named " + arguments + " (%lsmagic lists them)");
    }
    return ExecutionResult.value(String.join("\n\n", texts));
  }

  private static String help(Magic magic) {
    return magic.description() + "\n\n" + magic.usage();
  }
}
