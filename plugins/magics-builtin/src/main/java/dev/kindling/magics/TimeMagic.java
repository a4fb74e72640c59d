package dev.kindling.magics;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import dev.kindling.api.MagicUsageException;
import org.pf4j.Extension;

/**
 * {@code %%time}: runs the cell's body in the cell's language (the kernel's default interpreter)
 * and prints the wall time it took, as IPython does: {@code Wall time: 1.23 s}. The body's result
 * or error is the cell's.
 */
@Extension
public final class TimeMagic implements CellMagic {

  @Override
  public String name() {
    return "time";
  }

  @Override
  public String description() {
    return "Run the cell in its language and print the wall time it took";
  }

  @Override
  public String usage() {
    return "%%time\nCODE ...\n\n"
        + "Runs the rest of the cell in the notebook's language, then prints\n"
        + "'Wall time: 1.23 s'. The cell's result and errors are the code's.";
  }

  @Override
  public ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context)
      throws Exception {
    if (!arguments.isEmpty()) {
      throw new MagicUsageException("put the code on the lines after %%time");
    }
    String language = context.interpreters().defaultName();
    Interpreter interpreter =
        context
            .interpreters()
            .get(language)
            .orElseThrow(() -> new IllegalStateException("no interpreter named " + language));
    long started = System.nanoTime();
    try {
      return interpreter.execute(request.withCode(body));
    } finally {
      long elapsed = System.nanoTime() - started;
      System.out.flush();
      System.err.flush();
      System.out.println("Wall time: " + WallTime.format(elapsed));
      System.out.flush();
    }
  }
}
