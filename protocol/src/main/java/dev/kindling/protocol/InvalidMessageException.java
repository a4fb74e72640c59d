package dev.kindling.protocol;

/** A message that must be dropped: malformed, unsigned, wrongly signed or replayed. */
public final class InvalidMessageException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the message was refused. */
  public enum Reason {
    MALFORMED,
    UNSIGNED,
    BAD_SIGNATURE,
    REPLAYED
  }

  private final Reason reason;

  public InvalidMessageException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public InvalidMessageException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
