package dev.kindling.api;

/**
 * Thrown by a magic whose arguments are wrong. The kernel fails the cell with this message followed
 * by the magic's {@link Magic#usage()}.
 */
public class MagicUsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MagicUsageException(String message) {
    super(message);
  }
}
