package dev.kindling.api.spark;

import org.pf4j.ExtensionPoint;

/**
 * Extension point for plugins that need Spark settings in place before the session starts (the
 * Scala interpreter's REPL class output directory, served to executors, for example).
 *
 * <p>The kernel calls every contributor once, in plugin load order, when it starts: after reading
 * the user's configuration ({@code spark-defaults.conf}, {@code SPARK_OPTS}, {@code --conf}),
 * before any interpreter is created and before the session starts, whatever the start mode. The
 * call happens on a kernel thread, never in a cell. An interpreter factory may implement this
 * interface too; the kernel then calls the same instance it later asks to {@code create} the
 * interpreter. A contributor that throws is logged and skipped; Spark starts without its settings.
 *
 * <p>In {@code --spark-init none} mode the settings are assembled all the same but only apply if
 * user code builds its session from them; the kernel adopts whatever session user code creates.
 */
public interface SparkSettingsContributor extends ExtensionPoint {

  /** Adds or adjusts settings. Runs before the session exists; must not start Spark. */
  void contribute(SparkSettings settings);
}
