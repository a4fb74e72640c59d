package dev.kindling.kernel.plugin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginWrapper;

/**
 * Creates the object behind a plugin's optional {@code Plugin-Class} (whose {@code start()} and
 * {@code stop()} the kernel calls); a plugin without one gets a plain {@link Plugin}. Unlike PF4J's
 * default factory it never logs and returns null: a failure is thrown with a message naming the
 * class, and the kernel skips the plugin.
 */
final class PluginClassFactory implements PluginFactory {

  @Override
  public Plugin create(PluginWrapper plugin) {
    String className = plugin.getDescriptor().getPluginClass();
    if (!PluginDescriptorReader.hasText(className) || Plugin.class.getName().equals(className)) {
      return new Plugin();
    }
    Class<?> pluginClass = load(plugin, className);
    if (!Plugin.class.isAssignableFrom(pluginClass)
        || Modifier.isAbstract(pluginClass.getModifiers())) {
      throw rejected(plugin, className + " is not a concrete subclass of org.pf4j.Plugin", null);
    }
    try {
      return (Plugin) instantiate(plugin, pluginClass);
    } catch (InvocationTargetException e) {
      throw rejected(plugin, "its constructor failed: " + describe(e.getCause()), e.getCause());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw rejected(plugin, "it cannot be created: " + describe(e), e);
    }
  }

  private static Class<?> load(PluginWrapper plugin, String className) {
    try {
      return plugin.getPluginClassLoader().loadClass(className);
    } catch (ClassNotFoundException | LinkageError e) {
      throw rejected(plugin, "it cannot be loaded: " + describe(e), e);
    }
  }

  private static Object instantiate(PluginWrapper plugin, Class<?> pluginClass)
      throws ReflectiveOperationException {
    try {
      return pluginClass.getConstructor().newInstance();
    } catch (NoSuchMethodException noDefaultConstructor) {
      // PF4J before 3.9 passed the PluginWrapper; older plugins still have that constructor.
      return pluginClass.getConstructor(PluginWrapper.class).newInstance(plugin);
    }
  }

  private static PluginRejectedException rejected(
      PluginWrapper plugin, String why, Throwable cause) {
    String className = plugin.getDescriptor().getPluginClass();
    String reason = "has Plugin-Class " + className + ", but " + why;
    return new PluginRejectedException(plugin.getPluginId(), reason, cause);
  }

  private static String describe(Throwable failure) {
    return PluginRejectedException.describe(failure);
  }
}
