package dev.kindling.sparkr;

/** R or IRkernel cannot run SparkR cells; the message says what is missing and how to fix it. */
final class SparkRSetupException extends Exception {

  private static final long serialVersionUID = 1L;

  SparkRSetupException(String message) {
    super(message);
  }
}
