package dev.kindling.kernel.plugin;

import java.util.Objects;

/**
 * A plugin the kernel skipped, and why.
 *
 * @param plugin the plugin's id when its descriptor could be read, otherwise its file name
 * @param message what went wrong, naming the plugin's file, for example {@code kindling-foo-1.0.jar
 *     requires plugin API >=0.2.0 but this kernel provides 0.1.0}
 */
public record PluginProblem(String plugin, String message) {

  public PluginProblem {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(message, "message");
  }
}
