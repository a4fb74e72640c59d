package dev.kindling.api.spark;

import org.pf4j.ExtensionPoint;

/**
 * Extension point for plugins that need Spark settings in place before the session starts (the
 * Scala interpreter's REPL class output directory, served to executors, for example).
 *
 * <p>The kernel calls every contributor once, in plugin load order, after reading the user's
 * configuration ({@code spark-defaults.conf}, {@code SPARK_OPTS}, {@code --conf}) and before
 * starting the session. An interpreter factory may implement this interface too; the kernel then
 * calls the same instance it later asks to {@code create} the interpreter.
 */
public interface SparkSettingsContributor extends ExtensionPoint {

  /** Adds or adjusts settings. Runs before the session exists; must not start Spark. */
  void contribute(SparkSettings settings);
}
