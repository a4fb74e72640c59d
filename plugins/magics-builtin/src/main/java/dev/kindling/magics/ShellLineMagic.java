package dev.kindling.magics;

import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import dev.kindling.api.MagicUsageException;
import org.pf4j.Extension;

/** {@code %sh COMMAND}: runs one shell command line, its output streaming to the cell. */
@Extension
public final class ShellLineMagic implements LineMagic {

  @Override
  public String name() {
    return "sh";
  }

  @Override
  public String description() {
    return "Run a shell command through /bin/sh, streaming its output";
  }

  @Override
  public String usage() {
    return ShellCellMagic.USAGE;
  }

  @Override
  public ExecutionResult run(String arguments, KernelContext context) throws Exception {
    if (arguments.isBlank()) {
      throw new MagicUsageException("give a command to run");
    }
    return new ShellCommand(arguments).run();
  }
}
