package dev.kindling.api;

/**
 * A child Jupyter kernel proxied by the kernel (see {@link ChildKernels}). Each method of {@link
 * Interpreter} goes to the child: {@link #execute} sends an {@code execute_request} and returns
 * once the child is idle again, with the child's {@code execute_result} as the cell's value (shown
 * with the kernel's execution count) or its {@code error} as the cell's error; every other output
 * is published while the cell runs. {@link #interrupt()} sends {@code interrupt_request} on the
 * child's control channel. A child that dies while it runs a cell turns the cell into an error
 * naming its exit code; the next call starts a fresh child.
 */
public interface ChildKernel extends Interpreter {

  /** The name from the spec this child was started with. */
  String name();

  /** Whether the child process is running now. */
  boolean isAlive();

  /**
   * The child's {@code language_info} from its {@code kernel_info_reply} (name, version, mimetype,
   * file extension, lexers), as reported when it started.
   */
  @Override
  LanguageInfo languageInfo();

  /** Ends the child process (asking it to shut down first); later calls do not restart it. */
  @Override
  void close();
}
