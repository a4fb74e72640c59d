package dev.kindling.kernel.testplugin;

/**
 * A value that only {@link TestPointRenderer} knows how to show: the result of {@code point X Y}.
 */
public record TestPoint(long x, long y) {

  @Override
  public String toString() {
    return "(" + x + ", " + y + ")";
  }
}
