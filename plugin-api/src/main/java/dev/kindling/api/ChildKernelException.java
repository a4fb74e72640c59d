package dev.kindling.api;

/** A child kernel could not start or run; the message is written for the user. */
public class ChildKernelException extends Exception {

  private static final long serialVersionUID = 1L;

  public ChildKernelException(String message) {
    super(message);
  }

  public ChildKernelException(String message, Throwable cause) {
    super(message, cause);
  }
}
