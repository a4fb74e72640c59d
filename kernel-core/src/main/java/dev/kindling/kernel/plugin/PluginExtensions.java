package dev.kindling.kernel.plugin;

import dev.kindling.api.CellMagic;
import dev.kindling.api.CommTarget;
import dev.kindling.api.DisplayRenderer;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.LineMagic;
import dev.kindling.api.spark.SparkSettingsContributor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The extensions of one or more plugins, by extension point, each list in load order. */
record PluginExtensions(
    List<InterpreterFactory> interpreterFactories,
    List<LineMagic> lineMagics,
    List<CellMagic> cellMagics,
    List<CommTarget> commTargets,
    List<DisplayRenderer> displayRenderers,
    List<SparkSettingsContributor> sparkSettingsContributors) {

  /** The extension points the kernel looks for, in the order of this record's components. */
  static final List<Class<?>> EXTENSION_POINTS =
      List.of(
          InterpreterFactory.class,
          LineMagic.class,
          CellMagic.class,
          CommTarget.class,
          DisplayRenderer.class,
          SparkSettingsContributor.class);

  static final PluginExtensions NONE =
      new PluginExtensions(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  PluginExtensions {
    interpreterFactories = List.copyOf(interpreterFactories);
    lineMagics = List.copyOf(lineMagics);
    cellMagics = List.copyOf(cellMagics);
    commTargets = List.copyOf(commTargets);
    displayRenderers = List.copyOf(displayRenderers);
    sparkSettingsContributors = List.copyOf(sparkSettingsContributors);
  }

  /** Sorts extension instances by the points they implement; one object may implement several. */
  static PluginExtensions of(List<Object> extensions) {
    return new PluginExtensions(
        instancesOf(extensions, InterpreterFactory.class),
        instancesOf(extensions, LineMagic.class),
        instancesOf(extensions, CellMagic.class),
        instancesOf(extensions, CommTarget.class),
        instancesOf(extensions, DisplayRenderer.class),
        instancesOf(extensions, SparkSettingsContributor.class));
  }

  /** True when the class implements at least one of the kernel's extension points. */
  static boolean isExtension(Class<?> candidate) {
    return EXTENSION_POINTS.stream().anyMatch(point -> point.isAssignableFrom(candidate));
  }

  /** These extensions followed by {@code later}'s. */
  PluginExtensions plus(PluginExtensions later) {
    return new PluginExtensions(
        concat(this, later, PluginExtensions::interpreterFactories),
        concat(this, later, PluginExtensions::lineMagics),
        concat(this, later, PluginExtensions::cellMagics),
        concat(this, later, PluginExtensions::commTargets),
        concat(this, later, PluginExtensions::displayRenderers),
        concat(this, later, PluginExtensions::sparkSettingsContributors));
  }

  /** How many extension instances there are, counting an object once per point it implements. */
  int size() {
    return interpreterFactories.size()
        + lineMagics.size()
        + cellMagics.size()
        + commTargets.size()
        + displayRenderers.size()
        + sparkSettingsContributors.size();
  }

  private static <T> List<T> instancesOf(List<Object> extensions, Class<T> point) {
    return extensions.stream().filter(point::isInstance).map(point::cast).toList();
  }

  private static <T> List<T> concat(
      PluginExtensions first, PluginExtensions second, Function<PluginExtensions, List<T>> part) {
    List<T> all = new ArrayList<>(part.apply(first));
    all.addAll(part.apply(second));
    return all;
  }
}
