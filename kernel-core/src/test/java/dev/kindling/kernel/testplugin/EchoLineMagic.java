package dev.kindling.kernel.testplugin;

import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import dev.kindling.api.MagicUsageException;
import java.util.List;
import org.pf4j.Extension;

/** {@code %echo TEXT} (or {@code %say TEXT}): TEXT becomes the cell's result. */
@Extension
public final class EchoLineMagic implements LineMagic {

  @Override
  public String name() {
    return "echo";
  }

  @Override
  public List<String> aliases() {
    return List.of("say");
  }

  @Override
  public String description() {
    return "Echo the arguments back as the cell result";
  }

  @Override
  public String usage() {
    return "%echo TEXT: " + description();
  }

  @Override
  public ExecutionResult run(String arguments, KernelContext context) {
    if (arguments.isEmpty()) {
      throw new MagicUsageException("echo needs some text");
    }
    return ExecutionResult.value(arguments);
  }
}
