package dev.kindling.api.spark;

/** The kernel's SparkSession could not be started; the message says why and what to change. */
public class SparkUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SparkUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
