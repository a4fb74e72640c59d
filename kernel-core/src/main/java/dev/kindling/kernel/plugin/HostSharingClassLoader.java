package dev.kindling.kernel.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.IndexedExtensionFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader. Classes and resources in the {@link SharedPackages} come from the kernel
 * (the parent loader) first, even when the plugin bundles a copy; only a shared-package class the
 * kernel does not have (the Scala compiler when the kernel ships just the Scala library, for
 * example) is taken from the plugin. Every other class is looked up plugin first, then in the
 * plugins it depends on, then in the kernel (PF4J's default order).
 *
 * <p>The plugin's {@code META-INF/extensions.idx} is read from the plugin alone: PF4J would fall
 * back to the kernel's own index and so hand the kernel's class-path extensions to a plugin that
 * has none.
 */
final class HostSharingClassLoader extends PluginClassLoader {

  private final SharedPackages sharedPackages;

  HostSharingClassLoader(
      PluginManager pluginManager,
      PluginDescriptor descriptor,
      ClassLoader kernelClassLoader,
      SharedPackages sharedPackages) {
    super(pluginManager, descriptor, kernelClassLoader, ClassLoadingStrategy.PDA);
    this.sharedPackages = sharedPackages;
  }

  @Override
  protected boolean shouldDelegateToParent(String className) {
    return sharedPackages.containsClass(className);
  }

  @Override
  public Class<?> loadClass(String className) throws ClassNotFoundException {
    try {
      return super.loadClass(className);
    } catch (ClassNotFoundException notInKernel) {
      if (!sharedPackages.containsClass(className)) {
        throw notInKernel;
      }
      // A shared package, but the kernel lacks this class: the plugin's own copy is the only one.
      synchronized (getClassLoadingLock(className)) {
        Class<?> loaded = findLoadedClass(className);
        return loaded != null ? loaded : findClass(className);
      }
    }
  }

  @Override
  public URL getResource(String name) {
    if (IndexedExtensionFinder.EXTENSIONS_RESOURCE.equals(name)) {
      return findResource(name);
    }
    if (sharedPackages.containsResource(name)) {
      URL kernelCopy = getParent().getResource(name);
      return kernelCopy != null ? kernelCopy : findResource(name);
    }
    return super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (IndexedExtensionFinder.EXTENSIONS_RESOURCE.equals(name)) {
      return findResources(name);
    }
    return super.getResources(name);
  }
}
