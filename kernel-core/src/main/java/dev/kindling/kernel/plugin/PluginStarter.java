package dev.kindling.kernel.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.pf4j.DependencyResolver;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads, starts and instantiates the plugins of one directory, one plugin at a time, turning every
 * failure into a {@link PluginProblem} for that plugin alone:
 *
 * <ol>
 *   <li>load each jar/zip: readable archive, descriptor, {@code Plugin-Requires}, class loader;
 *   <li>drop plugins whose {@code Plugin-Dependencies} are not loaded, then let PF4J order the
 *       rest;
 *   <li>start each plugin (its {@code Plugin-Class}, if any);
 *   <li>create each plugin's extensions ({@link ExtensionInstantiator}).
 * </ol>
 *
 * <p>A plugin skipped at any step is unloaded, and so is every plugin that depends on it.
 */
final class PluginStarter {

  private static final Logger log = LoggerFactory.getLogger(PluginStarter.class);

  /** What a started directory hands to {@link PluginHost}. */
  record Started(
      List<String> pluginIds,
      PluginExtensions extensions,
      List<PluginProblem> problems,
      Runnable stopper) {

    Started {
      pluginIds = List.copyOf(pluginIds);
      problems = List.copyOf(problems);
    }

    static Started nothing() {
      return new Started(List.of(), PluginExtensions.NONE, List.of(), () -> {});
    }
  }

  private final Path directory;
  private final KindlingPluginManager pluginManager;
  private final ZipPluginExpander zipExpander;
  private final Map<String, String> fileNames = new HashMap<>();
  private final List<PluginProblem> problems = new ArrayList<>();

  private PluginStarter(Path directory, ZipPluginExpander zipExpander) {
    this.directory = directory;
    this.zipExpander = zipExpander;
    this.pluginManager = new KindlingPluginManager(directory, PluginApiVersion.current());
  }

  /** Loads and starts every plugin in {@code directory}; never throws for a bad plugin. */
  static Started start(Path directory, ZipPluginExpander zipExpander) {
    if (!Files.isDirectory(directory)) {
      if (Files.exists(directory)) {
        log.warn("Plugins directory {} is not a directory: starting without plugins", directory);
      } else {
        log.info("No plugins directory at {}: starting without plugins", directory);
      }
      return Started.nothing();
    }
    return new PluginStarter(directory, zipExpander).run();
  }

  private Started run() {
    for (Path file : pluginManager.pluginFiles()) {
      load(file);
    }
    dropPluginsWithUnmetDependencies();
    resolve();
    startPlugins();
    Map<String, PluginExtensions> extensions = instantiateExtensions();

    List<String> started = inFileOrder(pluginManager.getStartedPlugins());
    PluginExtensions all = PluginExtensions.NONE;
    for (String pluginId : started) {
      all = all.plus(extensions.getOrDefault(pluginId, PluginExtensions.NONE));
    }
    log.info(
        "Plugins in {}: started {} with {} extensions; skipped {}",
        directory,
        started,
        all.size(),
        problems.size());
    return new Started(started, all, problems, this::stop);
  }

  private void load(Path file) {
    String fileName = file.getFileName().toString();
    try {
      ZipPluginExpander.requireReadableArchive(file);
      Path pluginPath = PluginFileRepository.isZip(file) ? zipExpander.expand(file) : file;
      PluginWrapper plugin = pluginManager.loadPluginAt(pluginPath);
      fileNames.put(plugin.getPluginId(), fileName);
      log.debug("Loaded plugin {} from {}", plugin.getPluginId(), file);
    } catch (PluginRejectedException e) {
      report(e.pluginId().orElse(fileName), fileName + " " + e.getMessage(), e.getCause());
    } catch (RuntimeException | LinkageError e) {
      report(fileName, fileName + " cannot be loaded: " + PluginRejectedException.describe(e), e);
    }
  }

  private void dropPluginsWithUnmetDependencies() {
    boolean dropped;
    do {
      dropped = false;
      for (PluginWrapper plugin : pluginsInFileOrder()) {
        Optional<String> unmet = PluginDependencyCheck.unmetDependency(plugin, pluginManager);
        if (unmet.isPresent()) {
          skip(plugin.getPluginId(), unmet.get(), null);
          dropped = true;
        }
      }
    } while (dropped);
  }

  private void resolve() {
    try {
      pluginManager.resolve();
    } catch (DependencyResolver.CyclicDependencyException e) {
      for (PluginWrapper plugin : pluginsInFileOrder()) {
        if (!plugin.getDescriptor().getDependencies().isEmpty()) {
          skip(plugin.getPluginId(), "is part of a cycle of Plugin-Dependencies", null);
        }
      }
      pluginManager.resolve();
    }
    for (PluginWrapper plugin : pluginsInFileOrder()) {
      if (!pluginManager.getResolvedPlugins().contains(plugin)) {
        skip(plugin.getPluginId(), "could not be resolved against the other plugins", null);
      }
    }
  }

  private void startPlugins() {
    // Resolved order puts every plugin after the plugins it depends on.
    for (PluginWrapper plugin : new ArrayList<>(pluginManager.getResolvedPlugins())) {
      if (pluginManager.getPlugin(plugin.getPluginId()) != null) {
        start(plugin);
      }
    }
  }

  private void start(PluginWrapper plugin) {
    String pluginId = plugin.getPluginId();
    try {
      PluginState state =
          withContextClassLoader(
              plugin,
              () -> {
                // Create the Plugin-Class object first: its failures are ours to report.
                plugin.getPlugin();
                return pluginManager.startPlugin(pluginId);
              });
      if (state == PluginState.STARTED) {
        return;
      }
      Throwable failure = plugin.getFailedException();
      String why = failure == null ? "state " + state : PluginRejectedException.describe(failure);
      skip(pluginId, "failed to start: " + why, failure);
    } catch (PluginRejectedException e) {
      skip(pluginId, e.getMessage(), e.getCause());
    } catch (RuntimeException | LinkageError e) {
      skip(pluginId, "failed to start: " + PluginRejectedException.describe(e), e);
    }
    dropPluginsWithUnmetDependencies();
  }

  private Map<String, PluginExtensions> instantiateExtensions() {
    Map<String, PluginExtensions> extensions = new LinkedHashMap<>();
    for (String pluginId : inFileOrder(pluginManager.getStartedPlugins())) {
      PluginWrapper plugin = pluginManager.getPlugin(pluginId);
      if (plugin == null) {
        continue; // dropped with a plugin it depends on
      }
      try {
        extensions.put(pluginId, ExtensionInstantiator.instantiate(plugin));
      } catch (PluginRejectedException e) {
        skip(pluginId, e.getMessage(), e.getCause());
        dropPluginsWithUnmetDependencies();
      }
    }
    return extensions;
  }

  /** Records a problem for a loaded plugin and unloads it. */
  private void skip(String pluginId, String reason, Throwable cause) {
    report(pluginId, fileNames.getOrDefault(pluginId, pluginId) + " " + reason, cause);
    try {
      pluginManager.discard(pluginId);
    } catch (RuntimeException | LinkageError e) {
      log.warn("Cannot unload plugin {} cleanly", pluginId, e);
    }
  }

  private void report(String plugin, String message, Throwable cause) {
    problems.add(new PluginProblem(plugin, message));
    if (cause == null || cause instanceof PluginRejectedException) {
      log.warn("Skipping plugin: {}", message);
    } else {
      log.warn("Skipping plugin: {}", message, cause);
    }
  }

  /** Stops the started plugins (dependents first), closes their class loaders, cleans up. */
  private void stop() {
    List<PluginWrapper> started = new ArrayList<>(pluginManager.getStartedPlugins());
    Collections.reverse(started);
    for (PluginWrapper plugin : started) {
      try {
        withContextClassLoader(plugin, () -> pluginManager.stopPlugin(plugin.getPluginId()));
      } catch (RuntimeException | LinkageError e) {
        log.warn("Plugin {} failed to stop", plugin.getPluginId(), e);
      }
    }
    for (PluginWrapper plugin : pluginManager.getPlugins()) {
      try {
        pluginManager.discard(plugin.getPluginId());
      } catch (RuntimeException | LinkageError e) {
        log.warn("Cannot unload plugin {} cleanly", plugin.getPluginId(), e);
      }
    }
    zipExpander.close();
  }

  private List<PluginWrapper> pluginsInFileOrder() {
    List<PluginWrapper> plugins = new ArrayList<>(pluginManager.getPlugins());
    plugins.sort(Comparator.comparing(plugin -> fileNames.getOrDefault(plugin.getPluginId(), "")));
    return plugins;
  }

  private List<String> inFileOrder(List<PluginWrapper> plugins) {
    return plugins.stream()
        .map(PluginWrapper::getPluginId)
        .sorted(Comparator.comparing(id -> fileNames.getOrDefault(id, "")))
        .toList();
  }

  private static <T> T withContextClassLoader(PluginWrapper plugin, Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(plugin.getPluginClassLoader());
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
