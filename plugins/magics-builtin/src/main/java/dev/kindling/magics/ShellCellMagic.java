package dev.kindling.magics;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.MagicUsageException;
import org.pf4j.Extension;

/** {@code %%sh}: runs the cell as a shell script, its output streaming to the cell. */
@Extension
public final class ShellCellMagic implements CellMagic {

  static final String USAGE =
      "%sh COMMAND\n"
          + "%%sh\n"
          + "SCRIPT ...\n\n"
          + "Runs COMMAND (or the rest of the cell) with /bin/sh -c in the kernel's working\n"
          + "directory. stdout and stderr reach the cell as they are written; stdin is empty.\n"
          + "A non-zero exit code fails the cell; an interrupt kills the process and its children.\n"
          + "Example: %sh ls -l";

  @Override
  public String name() {
    return "sh";
  }

  @Override
  public String description() {
    return "Run the cell as a /bin/sh script, streaming its output";
  }

  @Override
  public String usage() {
    return USAGE;
  }

  @Override
  public ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context)
      throws Exception {
    String script = arguments.isEmpty() ? body : arguments + "\n" + body;
    if (script.isBlank()) {
      throw new MagicUsageException("the cell has no script to run");
    }
    return new ShellCommand(script).run();
  }
}
