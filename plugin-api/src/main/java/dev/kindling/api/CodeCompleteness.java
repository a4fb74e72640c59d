package dev.kindling.api;

import java.util.Optional;

/**
 * Whether a piece of code is ready to run, as a console asks before sending it.
 *
 * @param status the verdict
 * @param indent for {@link Status#INCOMPLETE}, the indentation of the next line, if known
 */
public record CodeCompleteness(Status status, Optional<String> indent) {

  /** The protocol's four verdicts. */
  public enum Status {
    COMPLETE,
    INCOMPLETE,
    INVALID,
    UNKNOWN
  }

  public static CodeCompleteness complete() {
    return new CodeCompleteness(Status.COMPLETE, Optional.empty());
  }

  public static CodeCompleteness incomplete(String indent) {
    return new CodeCompleteness(Status.INCOMPLETE, Optional.of(indent));
  }

  public static CodeCompleteness invalid() {
    return new CodeCompleteness(Status.INVALID, Optional.empty());
  }

  public static CodeCompleteness unknown() {
    return new CodeCompleteness(Status.UNKNOWN, Optional.empty());
  }
}
