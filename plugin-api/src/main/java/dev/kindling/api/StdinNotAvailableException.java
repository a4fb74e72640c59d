package dev.kindling.api;

/** Thrown when code reads input but the front end that ran the cell cannot answer. */
public class StdinNotAvailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StdinNotAvailableException(String message) {
    super(message);
  }
}
