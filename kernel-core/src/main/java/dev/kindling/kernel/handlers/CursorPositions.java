package dev.kindling.kernel.handlers;

/**
 * Converts between the protocol's cursor positions (Unicode code points) and Java string indices
 * (UTF-16 units), clamping positions past the end.
 */
final class CursorPositions {

  private CursorPositions() {}

  static int toIndex(String code, int codePoints) {
    int total = code.codePointCount(0, code.length());
    return code.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, total)));
  }

  static int toCodePoints(String code, int index) {
    return code.codePointCount(0, Math.max(0, Math.min(index, code.length())));
  }
}
