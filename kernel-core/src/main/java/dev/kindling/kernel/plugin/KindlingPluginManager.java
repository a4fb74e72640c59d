package dev.kindling.kernel.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.IndexedExtensionFinder;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's {@link DefaultPluginManager} set up the way the kernel loads plugins. It only chooses
 * PF4J's parts; the steps of loading a directory and the reporting of problems are in {@link
 * PluginStarter}.
 *
 * <ul>
 *   <li>plugin files are the jars and zips of one directory ({@link PluginFileRepository}); zips
 *       arrive already unpacked by {@link ZipPluginExpander};
 *   <li>every plugin gets a {@link HostSharingClassLoader};
 *   <li>the system version is the plugin API version, and a plugin whose {@code Plugin-Requires}
 *       does not accept it is rejected before any of its classes load;
 *   <li>always deployment mode, every plugin enabled (no {@code enabled.txt}/{@code disabled.txt});
 *   <li>the extension finder never reports the kernel's own class-path extensions.
 * </ul>
 */
final class KindlingPluginManager extends DefaultPluginManager {

  private static final String EXACT_VERSION = "^\\d+\\.\\d+\\.\\d+$";

  KindlingPluginManager(Path pluginsDirectory, String pluginApiVersion) {
    super(List.of(pluginsDirectory));
    setSystemVersion(pluginApiVersion);
    setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
  }

  /** The plugin files to load, in load order. */
  List<Path> pluginFiles() {
    return pluginRepository.getPluginPaths();
  }

  /** Loads one plugin (a jar, or the directory of an unpacked zip) without starting it. */
  PluginWrapper loadPluginAt(Path pluginPath) {
    return loadPluginFromPath(pluginPath);
  }

  /** Orders the loaded plugins by their dependencies, as PF4J needs before starting them. */
  void resolve() {
    resolvePlugins();
  }

  /** Unloads one plugin and closes its class loader, leaving plugins that depend on it alone. */
  void discard(String pluginId) {
    unloadPlugin(pluginId, false, false);
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  protected PluginRepository createPluginRepository() {
    return new PluginFileRepository(getPluginsRoot());
  }

  @Override
  protected PluginDescriptorFinder createPluginDescriptorFinder() {
    return new PluginDescriptorReader();
  }

  @Override
  protected PluginFactory createPluginFactory() {
    return new PluginClassFactory();
  }

  @Override
  protected PluginStatusProvider createPluginStatusProvider() {
    return new EveryPluginEnabled();
  }

  @Override
  protected ExtensionFinder createExtensionFinder() {
    PluginOnlyExtensionFinder finder = new PluginOnlyExtensionFinder(this);
    addPluginStateListener(finder);
    return finder;
  }

  @Override
  protected PluginLoader createPluginLoader() {
    // Called from PF4J's constructor: nothing here may read this object's fields.
    return new CompoundPluginLoader()
        .add(
            new JarPluginLoader(this) {
              @Override
              protected PluginClassLoader createPluginClassLoader(
                  Path pluginPath, PluginDescriptor descriptor) {
                return newClassLoader(descriptor);
              }
            })
        .add(
            new DefaultPluginLoader(this) {
              @Override
              protected PluginClassLoader createPluginClassLoader(
                  Path pluginPath, PluginDescriptor descriptor) {
                return newClassLoader(descriptor);
              }
            });
  }

  private PluginClassLoader newClassLoader(PluginDescriptor descriptor) {
    return new HostSharingClassLoader(
        this, descriptor, KindlingPluginManager.class.getClassLoader(), SharedPackages.KERNEL);
  }

  @Override
  protected void validatePluginDescriptor(PluginDescriptor descriptor) {
    String pluginId = descriptor.getPluginId();
    if (!PluginDescriptorReader.hasText(pluginId)) {
      throw new PluginRejectedException(null, "has no Plugin-Id");
    }
    if (!PluginDescriptorReader.hasText(descriptor.getVersion())) {
      throw new PluginRejectedException(pluginId, "has no Plugin-Version");
    }
    PluginWrapper sameId = getPlugin(pluginId);
    if (sameId != null) {
      throw new PluginRejectedException(
          pluginId,
          "has plugin id '"
              + pluginId
              + "', which "
              + sameId.getPluginPath().getFileName()
              + " already uses");
    }
    requireCompatibleApi(descriptor);
  }

  private void requireCompatibleApi(PluginDescriptor descriptor) {
    String requires = descriptor.getRequires() == null ? "" : descriptor.getRequires().trim();
    if (requires.isEmpty() || "*".equals(requires)) {
      return;
    }
    // PF4J reads a bare "x.y.z" as ">=x.y.z" unless exact versions are allowed; so do we.
    String constraint =
        requires.matches(EXACT_VERSION) && !isExactVersionAllowed() ? ">=" + requires : requires;
    boolean compatible;
    try {
      compatible = getVersionManager().checkVersionConstraint(getSystemVersion(), constraint);
    } catch (RuntimeException e) {
      throw new PluginRejectedException(
          descriptor.getPluginId(),
          "has an invalid Plugin-Requires '"
              + requires
              + "' ("
              + PluginRejectedException.describe(e)
              + ")");
    }
    if (!compatible) {
      throw new PluginRejectedException(
          descriptor.getPluginId(),
          "requires plugin API " + constraint + " but this kernel provides " + getSystemVersion());
    }
  }

  /** Every plugin in the directory is enabled; removing the file is how to disable one. */
  private static final class EveryPluginEnabled implements PluginStatusProvider {
    @Override
    public boolean isPluginDisabled(String pluginId) {
      return false;
    }

    @Override
    public void disablePlugin(String pluginId) {
      throw new UnsupportedOperationException("plugins are disabled by removing their file");
    }

    @Override
    public void enablePlugin(String pluginId) {}
  }

  /** PF4J's index finder without the kernel's class path ("system" extensions). */
  private static final class PluginOnlyExtensionFinder extends IndexedExtensionFinder {
    PluginOnlyExtensionFinder(KindlingPluginManager pluginManager) {
      super(pluginManager);
    }

    @Override
    public Map<String, Set<String>> readClasspathStorages() {
      return Map.of();
    }
  }
}
