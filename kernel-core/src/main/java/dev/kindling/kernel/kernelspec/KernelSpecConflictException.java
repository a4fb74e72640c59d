package dev.kindling.kernel.kernelspec;

/** A kernelspec that Kindling did not write is where Kindling's would go. */
public final class KernelSpecConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KernelSpecConflictException(String message) {
    super(message);
  }
}
