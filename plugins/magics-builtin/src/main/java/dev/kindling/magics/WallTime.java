package dev.kindling.magics;

import java.util.Locale;

/** Durations as IPython's {@code %%time} prints them: three significant digits and a unit. */
final class WallTime {

  private static final String[] UNITS = {"s", "ms", "µs", "ns"};

  private WallTime() {}

  /** {@code 1.23 s}, {@code 512 ms}, {@code 80 µs}; a minute or more as {@code 2min 5s}. */
  static String format(long nanos) {
    double seconds = nanos / 1e9;
    if (seconds >= 60) {
      long whole = Math.round(seconds);
      long hours = whole / 3600;
      long minutes = (whole % 3600) / 60;
      long rest = whole % 60;
      return hours > 0
          ? hours + "h " + minutes + "min " + rest + "s"
          : minutes + "min " + rest + "s";
    }
    int order = 0;
    double value = seconds;
    while (value > 0 && value < 1 && order < UNITS.length - 1) {
      value *= 1000;
      order++;
    }
    return significant(value) + " " + UNITS[order];
  }

  /** Three significant digits without trailing zeros, as C's {@code %.3g} gives them. */
  private static String significant(double value) {
    if (value == 0) {
      return "0";
    }
    String text =
        new java.math.BigDecimal(value)
            .round(new java.math.MathContext(3))
            .stripTrailingZeros()
            .toPlainString();
    return text.toLowerCase(Locale.ROOT);
  }
}
