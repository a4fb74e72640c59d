package dev.kindling.scala;

import dev.kindling.api.ClasspathExtensible;
import dev.kindling.api.CodeCompleteness;
import dev.kindling.api.Completion;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import dev.kindling.api.MimeBundle;
import dev.kindling.scala.api.KernelInputStream;
import dev.kindling.scala.api.ReplSessions;
import dev.kindling.scala.api.ScalaKernel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The Scala interpreter: cells run in one {@link ScalaRepl}, which starts on a background thread
 * when the interpreter is created, so the first cell only waits for what is left of the start-up.
 */
final class ScalaInterpreter implements Interpreter, ClasspathExtensible {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ScalaInterpreter.class);

  /** Kernel setting: {@code false} hides the REPL's echo of definitions. */
  static final String ECHO_SETTING = "kindling.scala.echo";

  /** Kernel setting: {@code true} shows a result's type before its value ({@code %showtypes}). */
  static final String SHOW_TYPES_SETTING = "kindling.scala.showTypes";

  private final KernelContext context;
  private final CompletableFuture<ScalaRepl> repl;
  private final ReplJars jars;
  private final Path outputDir;
  private volatile boolean interruptRequested;

  private ScalaInterpreter(
      KernelContext context, CompletableFuture<ScalaRepl> repl, ReplJars jars, Path outputDir) {
    this.context = context;
    this.repl = repl;
    this.jars = jars;
    this.outputDir = outputDir;
  }

  /** Starts the REPL in the background and returns at once. */
  static ScalaInterpreter start(KernelContext context, Path outputDir) {
    CompletableFuture<ScalaRepl> repl = new CompletableFuture<>();
    ReplJars jars = new ReplJars(context, repl);
    ScalaKernel kernel = new ScalaKernel(context, jars);
    ClassLoader pluginLoader = ScalaInterpreter.class.getClassLoader();
    Thread starter =
        new Thread(
            () -> {
              try {
                repl.complete(initialise(kernel, pluginLoader, outputDir));
              } catch (Throwable e) {
                repl.completeExceptionally(e);
              }
            },
            "kindling-scala-start");
    starter.setDaemon(true);
    starter.setContextClassLoader(pluginLoader);
    starter.start();
    return new ScalaInterpreter(context, repl, jars, outputDir);
  }

  private static ScalaRepl initialise(
      ScalaKernel kernel, ClassLoader pluginLoader, Path outputDir) {
    long started = System.nanoTime();
    ScalaRepl repl = ScalaRepl.create(ReplClassPath.of(pluginLoader), outputDir, pluginLoader);
    long compilerReady = System.nanoTime();
    ReplSessions.register(repl.classLoader(), kernel);
    repl.runQuietly(ReplPreamble.CODE);
    log.info(
        "Scala {} ready in {} ms (compiler {} ms, preamble {} ms)",
        scala.util.Properties.versionNumberString(),
        (System.nanoTime() - started) / 1_000_000,
        (compilerReady - started) / 1_000_000,
        (System.nanoTime() - compilerReady) / 1_000_000);
    return repl;
  }

  @Override
  public LanguageInfo languageInfo() {
    return ScalaInterpreterFactory.LANGUAGE;
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request) throws Exception {
    // The flag is cleared when the cell ends, not when it starts: the kernel may ask to interrupt
    // a cell in the moment between handing it over and this method running.
    try {
      return run(request);
    } finally {
      interruptRequested = false;
    }
  }

  private ExecutionResult run(ExecutionRequest request) throws Exception {
    ScalaRepl session = ready();
    if (jars.sessionReplaced()) {
      // The kernel restarted Spark (%%configure -f): spark and sc must name the new session.
      session.runQuietly(ReplPreamble.SPARK_BINDINGS);
    }
    if (interruptRequested) {
      throw new InterruptedException("the cell was interrupted");
    }
    if (request.code().isBlank()) {
      return ExecutionResult.empty();
    }
    Optional<String> help = HelpRequest.target(request.code());
    if (help.isPresent()) {
      return page(session, help.get());
    }
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(new KernelInputStream(context.stdin()), StandardCharsets.UTF_8));
    ReplOutcome outcome = session.run(request.code(), System.out, System.err, in);
    if (outcome instanceof ReplOutcome.Success success) {
      if (echoes() && !success.echo().isBlank() && !request.silent()) {
        System.out.print(success.echo().endsWith("\n") ? success.echo() : success.echo() + "\n");
        System.out.flush();
      }
      return success
          .value()
          .map(v -> ExecutionResult.value(withType(render(v.value()), v.type())))
          .orElse(ExecutionResult.empty());
    }
    if (outcome instanceof ReplOutcome.CompileFailure failure) {
      return CellErrors.compileError(failure.errors());
    }
    if (outcome instanceof ReplOutcome.Incomplete) {
      return CellErrors.incomplete(request.code());
    }
    if (outcome instanceof ReplOutcome.NotRun) {
      if (interruptRequested || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("the cell was interrupted");
      }
      return session.isEmpty(request.code())
          ? ExecutionResult.empty()
          : CellErrors.compilerStopped();
    }
    Throwable thrown = ((ReplOutcome.RuntimeFailure) outcome).exception();
    if (interruptRequested || thrown instanceof InterruptedException) {
      throw new InterruptedException("the cell was interrupted");
    }
    return CellErrors.exception(thrown);
  }

  /**
   * Answers {@code name?}: what inspection knows about {@code path} goes to the front end's pager,
   * as IPython's {@code obj?} does; the cell has no result.
   */
  private ExecutionResult page(ScalaRepl session, String path) {
    MimeBundle bundle =
        ScalaCompletion.inspect(session, path, path.length())
            .orElseGet(() -> MimeBundle.text(HelpRequest.nothingKnown(path)));
    context.display().page(bundle);
    return ExecutionResult.empty();
  }

  /** Read for every cell, so that a magic changing the setting takes effect at once. */
  private boolean echoes() {
    return !"false".equalsIgnoreCase(context.configuration().get(ECHO_SETTING, "true").strip());
  }

  /** Read for every cell, as {@link #echoes()}: {@code %showtypes} sets it. */
  private boolean showsTypes() {
    return "true"
        .equalsIgnoreCase(context.configuration().get(SHOW_TYPES_SETTING, "false").strip());
  }

  /** With {@code %showtypes on}, the text of a result starts with its type: {@code Int = 42}. */
  private MimeBundle withType(MimeBundle bundle, String type) {
    Object text = bundle.data().get(MimeBundle.TEXT_PLAIN);
    if (type.isEmpty() || text == null || !showsTypes()) {
      return bundle;
    }
    return bundle.with(MimeBundle.TEXT_PLAIN, type + " = " + text);
  }

  private MimeBundle render(Object value) {
    MimeBundle bundle = context.display().render(value);
    boolean plainFallback =
        bundle.data().size() == 1
            && String.valueOf(value).equals(bundle.data().get(MimeBundle.TEXT_PLAIN));
    return plainFallback ? MimeBundle.text(ReplStrings.of(value)) : bundle;
  }

  @Override
  public Completion complete(String code, int cursor) {
    return readyNow()
        .map(r -> ScalaCompletion.complete(r, code, cursor))
        .orElse(Completion.none(cursor));
  }

  @Override
  public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
    return readyNow().flatMap(r -> ScalaCompletion.inspect(r, code, cursor));
  }

  @Override
  public CodeCompleteness isComplete(String code) {
    return readyNow().map(r -> ScalaCompleteness.of(r, code)).orElse(CodeCompleteness.unknown());
  }

  /** Adds jars to the compiler's class path and the REPL's class loader, for the next cell on. */
  @Override
  public void addJars(List<Path> added) throws InterruptedException {
    ready().addJars(added);
  }

  @Override
  public void interrupt() {
    interruptRequested = true;
  }

  @Override
  public void close() {
    repl.thenAccept(
        session -> {
          ReplSessions.unregister(session.classLoader());
          session.close();
        });
    ReplOutputDirectory.delete(outputDir);
  }

  private ScalaRepl ready() throws InterruptedException {
    try {
      return repl.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the Scala interpreter could not start: " + e.getCause(), e.getCause());
    }
  }

  /** The REPL for requests that should not fail while it starts (it usually has by then). */
  private Optional<ScalaRepl> readyNow() {
    try {
      return Optional.of(repl.get(30, java.util.concurrent.TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return Optional.empty();
    }
  }
}
