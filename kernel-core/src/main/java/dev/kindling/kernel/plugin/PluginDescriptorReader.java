package dev.kindling.kernel.plugin;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a plugin's descriptor with PF4J's two finders ({@code plugin.properties}, then the
 * manifest's {@code Plugin-*} entries) and fails with one message a plugin author can act on when
 * neither names a plugin.
 */
final class PluginDescriptorReader implements PluginDescriptorFinder {

  private static final Logger log = LoggerFactory.getLogger(PluginDescriptorReader.class);

  private final List<PluginDescriptorFinder> finders =
      List.of(new PropertiesPluginDescriptorFinder(), new ManifestPluginDescriptorFinder());

  @Override
  public boolean isApplicable(Path pluginPath) {
    return finders.stream().anyMatch(finder -> finder.isApplicable(pluginPath));
  }

  @Override
  public PluginDescriptor find(Path pluginPath) {
    for (PluginDescriptorFinder finder : finders) {
      if (!finder.isApplicable(pluginPath)) {
        continue;
      }
      try {
        PluginDescriptor descriptor = finder.find(pluginPath);
        if (descriptor != null && hasText(descriptor.getPluginId())) {
          return descriptor;
        }
      } catch (RuntimeException e) {
        log.debug("{} found no descriptor in {}: {}", finder, pluginPath, e.toString());
      }
    }
    throw new PluginRejectedException(
        null,
        "has no plugin descriptor: a PF4J plugin sets Plugin-Id and Plugin-Version in its"
            + " META-INF/MANIFEST.MF (or plugin.id and plugin.version in plugin.properties)");
  }

  static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
