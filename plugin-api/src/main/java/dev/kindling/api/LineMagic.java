package dev.kindling.api;

import org.pf4j.ExtensionPoint;

/**
 * Extension point for a line magic: a {@code %name arguments} line in a cell. The kernel runs line
 * magics in the order they appear and hands the rest of the cell to the interpreter.
 */
public interface LineMagic extends Magic, ExtensionPoint {

  /**
   * Runs the magic.
   *
   * @param arguments the text after the magic's name, trimmed
   * @param context the kernel
   * @return what to show; {@link ExecutionResult#empty()} for nothing
   * @throws MagicUsageException when the arguments are wrong: the cell fails with the usage text
   * @throws Exception any other failure, reported as the cell's error
   */
  ExecutionResult run(String arguments, KernelContext context) throws Exception;
}
