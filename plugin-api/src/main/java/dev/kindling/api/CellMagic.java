package dev.kindling.api;

import org.pf4j.ExtensionPoint;

/**
 * Extension point for a cell magic: a cell whose first line is {@code %%name arguments}. The magic
 * receives the rest of the cell as its body.
 */
public interface CellMagic extends Magic, ExtensionPoint {

  /**
   * Runs the magic.
   *
   * @param arguments the text after the magic's name on the first line, trimmed
   * @param body the cell's remaining lines
   * @param request the cell as the front end sent it (execution count, silent, stdin)
   * @param context the kernel
   * @return what to show; {@link ExecutionResult#empty()} for nothing
   * @throws MagicUsageException when the arguments are wrong: the cell fails with the usage text
   * @throws Exception any other failure, reported as the cell's error
   */
  ExecutionResult run(
      String arguments, String body, ExecutionRequest request, KernelContext context)
      throws Exception;
}
