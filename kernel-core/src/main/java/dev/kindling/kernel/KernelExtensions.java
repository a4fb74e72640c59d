package dev.kindling.kernel;

import dev.kindling.api.CellMagic;
import dev.kindling.api.CommTarget;
import dev.kindling.api.DisplayRenderer;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.LineMagic;
import dev.kindling.api.spark.SparkSettingsContributor;
import dev.kindling.kernel.plugin.PluginHost;
import java.util.List;

/**
 * Everything plugins contribute to a kernel. The kernel depends on this, not on how it was loaded,
 * so tests can hand it extensions directly.
 */
public record KernelExtensions(
    List<InterpreterFactory> interpreterFactories,
    List<LineMagic> lineMagics,
    List<CellMagic> cellMagics,
    List<CommTarget> commTargets,
    List<DisplayRenderer> displayRenderers,
    List<String> pluginIds,
    List<SparkSettingsContributor> sparkSettingsContributors) {

  public KernelExtensions {
    sparkSettingsContributors = List.copyOf(sparkSettingsContributors);
    interpreterFactories = List.copyOf(interpreterFactories);
    lineMagics = List.copyOf(lineMagics);
    cellMagics = List.copyOf(cellMagics);
    commTargets = List.copyOf(commTargets);
    displayRenderers = List.copyOf(displayRenderers);
    pluginIds = List.copyOf(pluginIds);
  }

  /** Extensions without Spark settings contributors. */
  public KernelExtensions(
      List<InterpreterFactory> interpreterFactories,
      List<LineMagic> lineMagics,
      List<CellMagic> cellMagics,
      List<CommTarget> commTargets,
      List<DisplayRenderer> displayRenderers,
      List<String> pluginIds) {
    this(
        interpreterFactories,
        lineMagics,
        cellMagics,
        commTargets,
        displayRenderers,
        pluginIds,
        List.of());
  }

  /** The extensions of the plugins a host has loaded. */
  public static KernelExtensions of(PluginHost host) {
    return new KernelExtensions(
        host.interpreterFactories(),
        host.lineMagics(),
        host.cellMagics(),
        host.commTargets(),
        host.displayRenderers(),
        host.pluginIds(),
        host.sparkSettingsContributors());
  }
}
