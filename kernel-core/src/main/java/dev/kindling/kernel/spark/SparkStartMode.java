package dev.kindling.kernel.spark;

import java.util.Locale;

/** When the kernel starts its SparkSession ({@code kindling kernel --spark-init MODE}). */
public enum SparkStartMode {
  /** In the background as soon as the kernel is up; cells that need Spark wait for it. */
  EAGER,
  /** On the first call to {@code SparkRuntime.session()}. */
  LAZY,
  /** Never on its own: the kernel adopts the session user code creates. */
  NONE;

  /** The mode spelled {@code text} ({@code eager}, {@code lazy}, {@code none}), any case. */
  public static SparkStartMode parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT));
  }
}
