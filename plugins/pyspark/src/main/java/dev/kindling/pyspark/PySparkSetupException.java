package dev.kindling.pyspark;

/** The Python environment cannot run PySpark cells; the message says why and how to fix it. */
final class PySparkSetupException extends Exception {

  private static final long serialVersionUID = 1L;

  PySparkSetupException(String message) {
    super(message);
  }
}
