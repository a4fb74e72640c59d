package dev.kindling.deps;

/**
 * A jar or dependency that could not be fetched or added. The magic fails the cell with {@link
 * #errorName()} and the message, which names what was asked for and where it was looked for.
 */
final class DependencyException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String errorName;

  DependencyException(String errorName, String message) {
    this(errorName, message, null);
  }

  DependencyException(String errorName, String message, Throwable cause) {
    super(message, cause);
    this.errorName = errorName;
  }

  /** The short error name the cell shows ({@code JarNotFound}, {@code ResolutionFailed}). */
  String errorName() {
    return errorName;
  }
}
