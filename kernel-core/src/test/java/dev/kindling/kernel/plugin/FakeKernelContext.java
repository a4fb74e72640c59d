package dev.kindling.kernel.plugin;

import dev.kindling.api.CellMagic;
import dev.kindling.api.ChildKernels;
import dev.kindling.api.Comm;
import dev.kindling.api.CommTarget;
import dev.kindling.api.Comms;
import dev.kindling.api.Configuration;
import dev.kindling.api.Display;
import dev.kindling.api.DisplayHandle;
import dev.kindling.api.DisplayRenderer;
import dev.kindling.api.Interpreter;
import dev.kindling.api.Interpreters;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import dev.kindling.api.Magic;
import dev.kindling.api.Magics;
import dev.kindling.api.MimeBundle;
import dev.kindling.api.Stdin;
import dev.kindling.api.StdinNotAvailableException;
import dev.kindling.api.spark.SparkRuntime;
import dev.kindling.kernel.spark.KernelSparkRuntime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixture: a {@link KernelContext} without a kernel, for testing interpreters, magics and comm
 * targets directly. It records displays, input requests and comms, answers input from a queue the
 * test fills, and renders values with the renderers it was given.
 */
public final class FakeKernelContext implements KernelContext {

  /** Something a plugin did to the cell's display. */
  public sealed interface DisplayEvent permits Shown, ShownUpdatable, Updated, Cleared, Paged {}

  /** {@link Display#display(MimeBundle)}. */
  public record Shown(MimeBundle bundle) implements DisplayEvent {}

  /** {@link Display#displayUpdatable(MimeBundle)}, with the display id handed out. */
  public record ShownUpdatable(String displayId, MimeBundle bundle) implements DisplayEvent {}

  /** {@link DisplayHandle#update(MimeBundle)}. */
  public record Updated(String displayId, MimeBundle bundle) implements DisplayEvent {}

  /** {@link Display#clearOutput(boolean)}. */
  public record Cleared(boolean waitForNextOutput) implements DisplayEvent {}

  /** {@link Display#page(MimeBundle)}. */
  public record Paged(MimeBundle bundle) implements DisplayEvent {}

  /** One {@link Stdin#readLine} call. */
  public record InputRequest(String prompt, boolean password) {}

  private final List<DisplayEvent> displayEvents = new CopyOnWriteArrayList<>();
  private final List<InputRequest> inputRequests = new CopyOnWriteArrayList<>();
  private final Queue<String> inputAnswers = new ConcurrentLinkedQueue<>();
  private final List<FakeComm> openedComms = new CopyOnWriteArrayList<>();
  private final Map<String, CommTarget> commTargets = new ConcurrentHashMap<>();
  private final List<LineMagic> lineMagics = new CopyOnWriteArrayList<>();
  private final List<CellMagic> cellMagics = new CopyOnWriteArrayList<>();
  private final List<DisplayRenderer> renderers = new CopyOnWriteArrayList<>();
  private final ConcurrentMap<String, Object> data = new ConcurrentHashMap<>();
  private final Map<String, String> settings = new ConcurrentHashMap<>();
  private final Map<String, Interpreter> interpreterMap = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile SparkRuntime spark = new KernelSparkRuntime();
  private volatile ChildKernels childKernels = ChildKernels.unsupported();

  /** Sets a kernel setting, as {@code --conf key=value} would. */
  public FakeKernelContext withSetting(String key, String value) {
    settings.put(key, value);
    return this;
  }

  /**
   * Makes {@code interpreter} available under {@code name} (ignoring case) in {@link
   * #interpreters()}.
   */
  public FakeKernelContext withInterpreter(String name, Interpreter interpreter) {
    interpreterMap.put(name.toLowerCase(Locale.ROOT), interpreter);
    return this;
  }

  /** Uses this service for {@link #childKernels()}; by default starting a child fails. */
  public FakeKernelContext withChildKernels(ChildKernels service) {
    childKernels = service;
    return this;
  }

  @Override
  public ChildKernels childKernels() {
    return childKernels;
  }

  /**
   * Uses this Spark runtime. By default the context has the kernel's own runtime, which starts a
   * real local session on first use.
   */
  public FakeKernelContext withSpark(SparkRuntime sparkRuntime) {
    spark = sparkRuntime;
    return this;
  }

  /** Makes these magics visible through {@link #magics()}. */
  public FakeKernelContext withMagics(List<LineMagic> line, List<CellMagic> cell) {
    lineMagics.addAll(line);
    cellMagics.addAll(cell);
    return this;
  }

  /** Renders values with these renderers (highest priority first), else as text/plain. */
  public FakeKernelContext withRenderers(List<DisplayRenderer> displayRenderers) {
    renderers.addAll(displayRenderers);
    return this;
  }

  /** Queues answers for input requests; with none queued, stdin is not available. */
  public FakeKernelContext answerInput(String... answers) {
    inputAnswers.addAll(List.of(answers));
    return this;
  }

  public List<DisplayEvent> displayEvents() {
    return List.copyOf(displayEvents);
  }

  public List<InputRequest> inputRequests() {
    return List.copyOf(inputRequests);
  }

  /** Comms opened from the kernel side, in order. */
  public List<FakeComm> openedComms() {
    return List.copyOf(openedComms);
  }

  @Override
  public Display display() {
    return display;
  }

  @Override
  public Comms comms() {
    return comms;
  }

  @Override
  public Magics magics() {
    return magics;
  }

  @Override
  public Interpreters interpreters() {
    return interpreters;
  }

  @Override
  public Stdin stdin() {
    return stdin;
  }

  @Override
  public ConcurrentMap<String, Object> data() {
    return data;
  }

  @Override
  public SparkRuntime spark() {
    return spark;
  }

  @Override
  public Configuration configuration() {
    return configuration;
  }

  @Override
  public String kernelVersion() {
    return "0.0.0-test";
  }

  private final Display display =
      new Display() {
        @Override
        public void display(MimeBundle bundle) {
          displayEvents.add(new Shown(bundle));
        }

        @Override
        public DisplayHandle displayUpdatable(MimeBundle bundle) {
          String displayId = "display-" + ids.incrementAndGet();
          displayEvents.add(new ShownUpdatable(displayId, bundle));
          return new DisplayHandle() {
            @Override
            public String displayId() {
              return displayId;
            }

            @Override
            public void update(MimeBundle newBundle) {
              displayEvents.add(new Updated(displayId, newBundle));
            }
          };
        }

        @Override
        public void page(MimeBundle bundle) {
          displayEvents.add(new Paged(bundle));
        }

        @Override
        public void clearOutput(boolean wait) {
          displayEvents.add(new Cleared(wait));
        }

        @Override
        public MimeBundle render(Object value) {
          if (value instanceof MimeBundle bundle) {
            return bundle;
          }
          return renderers.stream()
              .sorted(Comparator.comparingInt(DisplayRenderer::priority).reversed())
              .map(renderer -> renderer.render(value))
              .flatMap(Optional::stream)
              .findFirst()
              .orElseGet(() -> MimeBundle.text(String.valueOf(value)));
        }
      };

  private final Comms comms =
      new Comms() {
        @Override
        public void register(CommTarget target) {
          commTargets.put(target.targetName(), target);
        }

        @Override
        public void unregister(String targetName) {
          commTargets.remove(targetName);
        }

        @Override
        public Comm open(String targetName, Map<String, Object> openData) {
          FakeComm comm = new FakeComm("comm-" + ids.incrementAndGet(), targetName, openData);
          openedComms.add(comm);
          return comm;
        }

        @Override
        public Optional<Comm> get(String commId) {
          return openedComms.stream()
              .filter(comm -> comm.id().equals(commId))
              .<Comm>map(comm -> comm)
              .findFirst();
        }
      };

  private final Magics magics =
      new Magics() {
        @Override
        public List<LineMagic> lineMagics() {
          return sortedByName(lineMagics);
        }

        @Override
        public List<CellMagic> cellMagics() {
          return sortedByName(cellMagics);
        }

        @Override
        public Optional<LineMagic> lineMagic(String name) {
          return lineMagics.stream().filter(magic -> answersTo(magic, name)).findFirst();
        }

        @Override
        public Optional<CellMagic> cellMagic(String name) {
          return cellMagics.stream().filter(magic -> answersTo(magic, name)).findFirst();
        }
      };

  private final Interpreters interpreters =
      new Interpreters() {
        @Override
        public List<String> names() {
          return List.copyOf(interpreterMap.keySet());
        }

        @Override
        public String defaultName() {
          return "test";
        }

        @Override
        public Optional<Interpreter> get(String name) {
          return Optional.ofNullable(interpreterMap.get(name.toLowerCase(Locale.ROOT)));
        }
      };

  private final Stdin stdin =
      (prompt, password) -> {
        inputRequests.add(new InputRequest(prompt, password));
        String answer = inputAnswers.poll();
        if (answer == null) {
          throw new StdinNotAvailableException("no input queued in FakeKernelContext");
        }
        return answer;
      };

  private final Configuration configuration =
      new Configuration() {
        @Override
        public Optional<String> get(String key) {
          return Optional.ofNullable(settings.get(key));
        }

        @Override
        public Map<String, String> asMap() {
          return Map.copyOf(settings);
        }

        @Override
        public void set(String key, String value) {
          settings.put(key, value);
        }
      };

  private static <M extends Magic> List<M> sortedByName(List<M> magics) {
    List<M> sorted = new ArrayList<>(magics);
    sorted.sort(Comparator.comparing(magic -> magic.name().toLowerCase(Locale.ROOT)));
    return sorted;
  }

  private static boolean answersTo(Magic magic, String name) {
    return magic.name().equalsIgnoreCase(name)
        || magic.aliases().stream().anyMatch(alias -> alias.equalsIgnoreCase(name));
  }
}
