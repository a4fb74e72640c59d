package dev.kindling.sql;

/** A {@code $name} or {@code ${expression}} in SQL text could not be replaced; says why. */
final class SubstitutionException extends Exception {

  private static final long serialVersionUID = 1L;

  SubstitutionException(String message) {
    super(message);
  }
}
