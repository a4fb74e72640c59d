package dev.kindling.kernel.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pf4j.AbstractExtensionFinder;
import org.pf4j.Extension;
import org.pf4j.IndexedExtensionFinder;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the extensions a started plugin lists in its {@code META-INF/extensions.idx} (written by
 * PF4J's annotation processor for {@code @Extension} classes).
 *
 * <p>All or nothing: a listed class that is not in the plugin, cannot be loaded or cannot be
 * created rejects the whole plugin, so a plugin either works as its author built it or is reported.
 * (PF4J's own finder logs such failures and carries on with whatever is left.) Listed classes that
 * implement none of the kernel's extension points are left alone: they may serve another plugin.
 */
final class ExtensionInstantiator {

  private static final Logger log = LoggerFactory.getLogger(ExtensionInstantiator.class);

  private ExtensionInstantiator() {}

  /**
   * Creates every extension of {@code plugin}, in {@link Extension#ordinal()} then class name
   * order.
   *
   * @throws PluginRejectedException when one of them fails
   */
  static PluginExtensions instantiate(PluginWrapper plugin) {
    ClassLoader pluginLoader = plugin.getPluginClassLoader();
    List<Class<?>> classes = new ArrayList<>();
    for (String className : indexedClassNames(plugin)) {
      classes.add(load(plugin, className));
    }
    classes.sort(
        Comparator.comparingInt(ExtensionInstantiator::ordinal).thenComparing(Class::getName));

    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(pluginLoader);
    try {
      List<Object> extensions = new ArrayList<>();
      for (Class<?> extensionClass : classes) {
        if (PluginExtensions.isExtension(extensionClass)) {
          extensions.add(create(plugin, extensionClass));
        } else {
          log.debug(
              "{} in plugin {} implements none of the kernel's extension points",
              extensionClass.getName(),
              plugin.getPluginId());
        }
      }
      return PluginExtensions.of(extensions);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The class names in the plugin's own extension indexes (never the kernel's). */
  private static Set<String> indexedClassNames(PluginWrapper plugin) {
    Set<String> names = new LinkedHashSet<>();
    URLClassLoader loader = (URLClassLoader) plugin.getPluginClassLoader();
    try {
      Enumeration<URL> indexes = loader.findResources(IndexedExtensionFinder.EXTENSIONS_RESOURCE);
      while (indexes.hasMoreElements()) {
        readIndex(indexes.nextElement(), names);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new PluginRejectedException(
          plugin.getPluginId(),
          "has an unreadable "
              + IndexedExtensionFinder.EXTENSIONS_RESOURCE
              + " ("
              + PluginRejectedException.describe(e)
              + ")",
          e);
    }
    return names;
  }

  private static void readIndex(URL index, Set<String> names) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
      reader
          .lines()
          .map(line -> line.replaceFirst("#.*", "").strip())
          .filter(line -> !line.isEmpty())
          .forEach(names::add);
    }
  }

  private static Class<?> load(PluginWrapper plugin, String className) {
    ClassLoader pluginLoader = plugin.getPluginClassLoader();
    Class<?> extensionClass;
    try {
      extensionClass = pluginLoader.loadClass(className);
    } catch (ClassNotFoundException e) {
      throw missing(plugin, className);
    } catch (LinkageError e) {
      throw new PluginRejectedException(
          plugin.getPluginId(),
          "cannot load extension " + className + ": " + PluginRejectedException.describe(e),
          e);
    }
    if (extensionClass.getClassLoader() != pluginLoader) {
      // Found on the kernel's class path, not in the plugin: a class-path ("system") extension.
      throw missing(plugin, className);
    }
    return extensionClass;
  }

  private static PluginRejectedException missing(PluginWrapper plugin, String className) {
    return new PluginRejectedException(
        plugin.getPluginId(),
        "lists "
            + className
            + " in "
            + IndexedExtensionFinder.EXTENSIONS_RESOURCE
            + ", but the plugin has no such class");
  }

  private static Object create(PluginWrapper plugin, Class<?> extensionClass) {
    String prefix = "cannot create extension " + extensionClass.getName() + ": ";
    if (Modifier.isAbstract(extensionClass.getModifiers())) {
      throw new PluginRejectedException(plugin.getPluginId(), prefix + "it is abstract");
    }
    try {
      return extensionClass.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new PluginRejectedException(
          plugin.getPluginId(), prefix + "it has no public no-argument constructor");
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new PluginRejectedException(
          plugin.getPluginId(), prefix + PluginRejectedException.describe(cause), cause);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw new PluginRejectedException(
          plugin.getPluginId(), prefix + PluginRejectedException.describe(e), e);
    }
  }

  private static int ordinal(Class<?> extensionClass) {
    Extension annotation = AbstractExtensionFinder.findExtensionAnnotation(extensionClass);
    return annotation == null ? 0 : annotation.ordinal();
  }
}
