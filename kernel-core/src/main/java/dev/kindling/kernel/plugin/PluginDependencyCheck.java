package dev.kindling.kernel.plugin;

import java.util.List;
import java.util.Optional;
import org.pf4j.PluginDependency;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Checks a plugin's {@code Plugin-Dependencies} against the plugins that loaded, so that a plugin
 * whose dependency is missing or of the wrong version is reported by name. (PF4J's resolver either
 * throws for the whole directory or, set to carry on, drops the dependency rather than the plugin
 * that needs it.)
 */
final class PluginDependencyCheck {

  private PluginDependencyCheck() {}

  /** Why {@code plugin} cannot run with the plugins now loaded, or empty when it can. */
  static Optional<String> unmetDependency(PluginWrapper plugin, PluginManager pluginManager) {
    List<PluginDependency> dependencies = plugin.getDescriptor().getDependencies();
    for (PluginDependency dependency : dependencies) {
      String dependencyId = dependency.getPluginId();
      PluginWrapper loaded = pluginManager.getPlugin(dependencyId);
      if (loaded == null) {
        if (dependency.isOptional()) {
          continue;
        }
        return Optional.of(
            "needs plugin '" + dependencyId + "' (Plugin-Dependencies), which is not loaded");
      }
      String wanted = dependency.getPluginVersionSupport();
      String actual = loaded.getDescriptor().getVersion();
      if (!satisfies(pluginManager, actual, wanted)) {
        return Optional.of(
            "needs plugin '"
                + dependencyId
                + "' "
                + wanted
                + " (Plugin-Dependencies), but version "
                + actual
                + " is loaded");
      }
    }
    return Optional.empty();
  }

  private static boolean satisfies(PluginManager pluginManager, String version, String wanted) {
    try {
      return pluginManager.getVersionManager().checkVersionConstraint(version, wanted);
    } catch (RuntimeException unparsable) {
      return false;
    }
  }
}
