package dev.kindling.kernel.context;

import dev.kindling.api.Interpreter;
import dev.kindling.api.Interpreters;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Interpreters} handed to plugins: each interpreter comes wrapped in a {@link
 * TrackedInterpreter}, so that one a magic runs is the one an interrupt stops.
 */
final class PluginInterpreters implements Interpreters {

  private final InterpreterRegistry registry;

  PluginInterpreters(InterpreterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public List<String> names() {
    return registry.names();
  }

  @Override
  public String defaultName() {
    return registry.defaultName();
  }

  @Override
  public Optional<Interpreter> get(String name) {
    return registry.get(name).map(i -> new TrackedInterpreter(i, registry));
  }

  @Override
  public Optional<Interpreter> started(String name) {
    return registry.started(name).map(i -> new TrackedInterpreter(i, registry));
  }
}
