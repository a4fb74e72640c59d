package dev.kindling.kernel.context;

import dev.kindling.api.Configuration;
import dev.kindling.api.Interpreter;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.Interpreters;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interpreters plugins contribute, by name and alias (ignoring case), each created once on
 * first use. A factory that fails to create its interpreter is remembered with the reason, which
 * every later use reports instead of retrying.
 */
public final class InterpreterRegistry implements Interpreters, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InterpreterRegistry.class);

  private final Map<String, InterpreterFactory> factories = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final String defaultName;
  private final Supplier<KernelContext> context;
  private final Map<InterpreterFactory, Interpreter> created = new HashMap<>();
  private final Map<InterpreterFactory, String> failures = new HashMap<>();
  private final AtomicReference<Interpreter> running = new AtomicReference<>();
  private volatile java.util.function.Consumer<Interpreter> onCreated = interpreter -> {};

  public InterpreterRegistry(
      List<InterpreterFactory> factories, String defaultName, Supplier<KernelContext> context) {
    for (InterpreterFactory factory : factories) {
      names.add(factory.name());
      factories(factory).forEach(key -> this.factories.putIfAbsent(key, factory));
    }
    this.defaultName = defaultName;
    this.context = context;
  }

  private static List<String> factories(InterpreterFactory factory) {
    List<String> keys = new ArrayList<>();
    keys.add(factory.name().toLowerCase(Locale.ROOT));
    factory.aliases().forEach(alias -> keys.add(alias.toLowerCase(Locale.ROOT)));
    return keys;
  }

  @Override
  public List<String> names() {
    return List.copyOf(names);
  }

  @Override
  public String defaultName() {
    return defaultName;
  }

  /** The default interpreter's language, known without starting it. */
  public Optional<LanguageInfo> defaultLanguage() {
    return factory(defaultName).map(InterpreterFactory::languageInfo);
  }

  /** The default interpreter's language under these kernel settings, without starting it. */
  public Optional<LanguageInfo> defaultLanguage(Configuration configuration) {
    return factory(defaultName).map(f -> f.languageInfo(configuration));
  }

  @Override
  public synchronized Optional<Interpreter> get(String name) {
    Optional<InterpreterFactory> factory = factory(name);
    if (factory.isEmpty()) {
      return Optional.empty();
    }
    InterpreterFactory f = factory.get();
    String failure = failures.get(f);
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    Interpreter interpreter = created.get(f);
    if (interpreter == null) {
      try {
        interpreter = f.create(context.get());
      } catch (Exception | LinkageError e) {
        String reason = "The " + f.name() + " interpreter could not start: " + e;
        log.error(reason, e);
        failures.put(f, reason);
        throw new IllegalStateException(reason, e);
      }
      created.put(f, interpreter);
      onCreated.accept(interpreter);
    }
    return Optional.of(interpreter);
  }

  /**
   * The default interpreter, started if needed.
   *
   * @throws IllegalStateException when no plugin provides it (the message lists what is available)
   *     or it failed to start
   */
  public Interpreter defaultInterpreter() {
    return get(defaultName)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No interpreter named '"
                        + defaultName
                        + "' is loaded. Available: "
                        + (names.isEmpty() ? "none (is the plugins directory right?)" : names)
                        + ". Choose one with --default-interpreter."));
  }

  /** The default interpreter if it has already been started; never starts it. */
  public synchronized Optional<Interpreter> startedDefault() {
    return factory(defaultName).map(created::get);
  }

  /** Says what to do with each interpreter right after it is created (add the kernel's jars). */
  public void whenCreated(java.util.function.Consumer<Interpreter> action) {
    onCreated = action;
  }

  /** The interpreters created so far. */
  public synchronized List<Interpreter> started() {
    return List.copyOf(created.values());
  }

  @Override
  public synchronized Optional<Interpreter> started(String name) {
    return factory(name).map(created::get);
  }

  /**
   * Marks {@code interpreter} as running a request, for {@link #interruptRunning()}.
   *
   * @return the interpreter marked before, or null, for {@link #restoreRunning}
   */
  public Interpreter markRunning(Interpreter interpreter) {
    return running.getAndSet(interpreter);
  }

  /** Puts back the mark {@link #markRunning} replaced, when a nested run (a magic's) ends. */
  public void restoreRunning(Interpreter previous) {
    running.set(previous);
  }

  /**
   * These interpreters as plugins see them: an interpreter a magic runs ({@code %%scala}, {@code
   * %%time}) is marked running while it runs, so an interrupt reaches it.
   */
  public Interpreters forPlugins() {
    return new PluginInterpreters(this);
  }

  /** Clears the running mark. */
  public void markIdle() {
    running.set(null);
  }

  /** Asks the interpreter running a request now to stop. */
  public void interruptRunning() {
    Interpreter interpreter = running.get();
    if (interpreter != null) {
      try {
        interpreter.interrupt();
      } catch (RuntimeException e) {
        log.warn("Interpreter failed to interrupt", e);
      }
    }
  }

  private Optional<InterpreterFactory> factory(String name) {
    return Optional.ofNullable(factories.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public synchronized void close() {
    for (Interpreter interpreter : created.values()) {
      try {
        interpreter.close();
      } catch (Exception e) {
        log.warn("Interpreter failed to close", e);
      }
    }
    created.clear();
  }
}
