package dev.kindling.kernel.plugin;

import java.util.Optional;

/**
 * Thrown while loading a plugin that the kernel refuses. The message is a reason that reads on from
 * the plugin's file name ("requires plugin API >=0.2.0 but this kernel provides 0.1.0"), so that
 * {@link PluginStarter} can turn it into a {@link PluginProblem}.
 */
final class PluginRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String pluginId;

  PluginRejectedException(String pluginId, String reason) {
    super(reason);
    this.pluginId = pluginId;
  }

  PluginRejectedException(String pluginId, String reason, Throwable cause) {
    super(reason, cause);
    this.pluginId = pluginId;
  }

  /** The id of the rejected plugin, when its descriptor had been read. */
  Optional<String> pluginId() {
    return Optional.ofNullable(pluginId).filter(id -> !id.isBlank());
  }

  /** A one-line summary of a failure for a problem message: class name and message. */
  static String describe(Throwable failure) {
    String message = failure.getMessage();
    String name = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message;
  }
}
