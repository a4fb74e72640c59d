package dev.kindling.kernel.plugin;

import dev.kindling.api.CellMagic;
import dev.kindling.api.CommTarget;
import dev.kindling.api.DisplayRenderer;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.LineMagic;
import dev.kindling.api.spark.SparkSettingsContributor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugins of one kernel: loads every plugin jar and zip in the plugins directory, starts them,
 * and offers their extensions. A plugin that cannot be used is skipped and reported in {@link
 * #problems()}; it never stops the kernel or the other plugins. Only plugin files count: extensions
 * on the kernel's own class path are never picked up.
 *
 * <p>Immutable once started, so safe to share between threads; {@link #close()} stops the plugins
 * and closes their class loaders, after which the extensions must no longer be used.
 */
public final class PluginHost implements AutoCloseable {

  private final List<String> pluginIds;
  private final PluginExtensions extensions;
  private final List<PluginProblem> problems;
  private Runnable stopper;

  private PluginHost(PluginStarter.Started started) {
    this.pluginIds = started.pluginIds();
    this.extensions = started.extensions();
    this.problems = started.problems();
    this.stopper = started.stopper();
  }

  /**
   * Loads and starts every plugin jar and zip in {@code pluginsDir}. A missing directory means no
   * plugins (logged, not an error). Never throws for a bad plugin: it is logged, left out and
   * recorded in {@link #problems()}. Zips are unpacked into the user's {@link PluginCache}, which
   * is pruned half a minute later of the entries no kernel uses any more.
   */
  public static PluginHost start(Path pluginsDir) {
    Objects.requireNonNull(pluginsDir, "pluginsDir");
    ZipPluginExpander expander = new ZipPluginExpander();
    PluginHost host = new PluginHost(PluginStarter.start(pluginsDir, expander));
    expander.pruneCacheLater();
    return host;
  }

  /** As {@link #start(Path)}, unpacking zips into {@code cache} (none: per kernel only). */
  static PluginHost start(Path pluginsDir, Optional<Path> cache) {
    Objects.requireNonNull(pluginsDir, "pluginsDir");
    return new PluginHost(PluginStarter.start(pluginsDir, new ZipPluginExpander(cache)));
  }

  /**
   * The plugin API version this kernel provides, which plugins' {@code Plugin-Requires} is checked
   * against (from {@code dev/kindling/api/plugin-api.properties}).
   */
  public static String pluginApiVersion() {
    return PluginApiVersion.current();
  }

  /** Interpreter factories of the started plugins, in plugin file order. */
  public List<InterpreterFactory> interpreterFactories() {
    return extensions.interpreterFactories();
  }

  /** Line magics of the started plugins, in plugin file order. */
  public List<LineMagic> lineMagics() {
    return extensions.lineMagics();
  }

  /** Cell magics of the started plugins, in plugin file order. */
  public List<CellMagic> cellMagics() {
    return extensions.cellMagics();
  }

  /** Comm targets of the started plugins, in plugin file order. */
  public List<CommTarget> commTargets() {
    return extensions.commTargets();
  }

  /** Display renderers of the started plugins, in plugin file order (not by priority). */
  public List<DisplayRenderer> displayRenderers() {
    return extensions.displayRenderers();
  }

  /**
   * Spark settings contributors of the started plugins, in plugin file order. An object that is
   * also an interpreter factory is the same instance as in {@link #interpreterFactories()}.
   */
  public List<SparkSettingsContributor> sparkSettingsContributors() {
    return extensions.sparkSettingsContributors();
  }

  /** Ids of the started plugins, in plugin file order. */
  public List<String> pluginIds() {
    return pluginIds;
  }

  /** The plugins that were skipped, and why. */
  public List<PluginProblem> problems() {
    return problems;
  }

  /** Stops the plugins and closes their class loaders. Calling it again does nothing. */
  @Override
  public void close() {
    Runnable stopNow;
    synchronized (this) {
      stopNow = stopper;
      stopper = null;
    }
    if (stopNow != null) {
      stopNow.run();
    }
  }
}
