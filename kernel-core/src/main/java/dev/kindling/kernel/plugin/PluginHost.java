package dev.kindling.kernel.plugin;

import dev.kindling.api.CellMagic;
import dev.kindling.api.CommTarget;
import dev.kindling.api.DisplayRenderer;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.LineMagic;
import java.nio.file.Path;
import java.util.List;

/** TEMPORARY stub, replaced by the real PF4J host on merge. */
public final class PluginHost implements AutoCloseable {
  public static PluginHost start(Path pluginsDir) {
    return new PluginHost();
  }

  public List<InterpreterFactory> interpreterFactories() {
    return List.of();
  }

  public List<LineMagic> lineMagics() {
    return List.of();
  }

  public List<CellMagic> cellMagics() {
    return List.of();
  }

  public List<CommTarget> commTargets() {
    return List.of();
  }

  public List<DisplayRenderer> displayRenderers() {
    return List.of();
  }

  public List<String> pluginIds() {
    return List.of();
  }

  @Override
  public void close() {}
}
