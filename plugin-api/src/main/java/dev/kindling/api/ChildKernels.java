package dev.kindling.api;

/**
 * Starts real Jupyter kernels (ipykernel, IRkernel, ...) as child processes of the kernel and
 * proxies them, so that a plugin can offer a language without reimplementing its kernel. The kernel
 * talks to each child over the Jupyter protocol as a client: the child's output, displays, input
 * requests and comms reach the front end as if the kernel had produced them, re-parented onto the
 * front end's request.
 *
 * <p>Thread-safe. Children end when the kernel shuts down, or earlier when closed.
 */
public interface ChildKernels {

  /**
   * Launches a child kernel, waits until it answers {@code kernel_info} and has run the spec's
   * start-up code, and returns it as an interpreter. A child that dies later is started again (with
   * the same spec) by the next call that needs it.
   *
   * @throws ChildKernelException when the process cannot start, exits or does not answer in time,
   *     or the start-up code fails; the message says why, for the user
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  ChildKernel start(ChildKernelSpec spec) throws ChildKernelException, InterruptedException;

  /** A service for contexts that cannot start child kernels: every start fails and says so. */
  static ChildKernels unsupported() {
    return spec -> {
      throw new ChildKernelException(
          "this kernel cannot start child kernels (needed for " + spec.name() + ")");
    };
  }
}
