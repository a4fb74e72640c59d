package dev.kindling.scala;

import dev.kindling.scala.ReplOutcome.ResultValue;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import scala.Console;
import scala.Option;
import scala.collection.immutable.ArraySeq;
import scala.jdk.javaapi.CollectionConverters;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.MemberHandlers;
import scala.tools.nsc.interpreter.Results;

/**
 * One {@link IMain} with class-based wrappers whose classes are written to a real directory (the
 * one Spark serves to executors), loaded by a class loader whose parent is the plugin's. All use is
 * serialised: IMain is not thread-safe.
 */
final class ScalaRepl implements AutoCloseable {

  private static final Pattern RESULT_NAME = Pattern.compile("res\\d+");

  private final IMain intp;
  private final CellReporter reporter;

  private ScalaRepl(IMain intp, CellReporter reporter) {
    this.intp = intp;
    this.reporter = reporter;
  }

  /** Creates and initialises the compiler; takes a few seconds. */
  static ScalaRepl create(List<Path> classPath, Path outputDir, ClassLoader parent) {
    Settings settings = new Settings();
    List<String> arguments =
        List.of(
            "-Yrepl-class-based",
            "-Yrepl-outdir",
            outputDir.toString(),
            "-classpath",
            ReplClassPath.asString(classPath),
            "-deprecation",
            "-feature");
    settings.processArguments(CollectionConverters.asScala(arguments).toList(), true);
    CellReporter reporter = CellReporter.create(settings);
    IMain intp = new IMain(settings, Option.apply(parent), settings, reporter);
    if (!intp.initializeCompiler()) {
      throw new IllegalStateException("the Scala compiler could not start");
    }
    return new ScalaRepl(intp, reporter);
  }

  /** Runs set-up code without echo; fails when it does not compile or throws. */
  synchronized void runQuietly(String code) {
    reporter.startCell(System.err);
    Results.Result result = intp.quietRun(code);
    if (result != Results.Success$.MODULE$) {
      throw new IllegalStateException("REPL set-up failed on: " + code + " " + reporter.errors());
    }
  }

  /** Runs a cell with {@code Console.out/err/in} bound to the cell's streams. */
  synchronized ReplOutcome run(String code, PrintStream out, PrintStream err, BufferedReader in) {
    reporter.startCell(err);
    Results.Result result = withConsole(out, err, in, () -> intp.interpret(code));
    if (result == Results.Incomplete$.MODULE$) {
      return new ReplOutcome.Incomplete();
    }
    if (result != Results.Success$.MODULE$) {
      List<CompilerMessage> errors = reporter.errors();
      if (!errors.isEmpty()) {
        return new ReplOutcome.CompileFailure(errors);
      }
      if (reporter.echo().isBlank()) {
        // Only comments, or a compilation that an interrupt stopped: IMain reports nothing.
        return new ReplOutcome.NotRun();
      }
      // The REPL printed the exception's trace and bound it as lastException.
      return new ReplOutcome.RuntimeFailure(lastException());
    }
    String fullEcho = reporter.echo();
    Optional<ResultValue> value =
        resultName()
            .map(
                name ->
                    new ResultValue(
                        name,
                        intp.valueOfTerm(name).getOrElse(() -> null),
                        typeInEcho(fullEcho, name)))
            .filter(shown -> !(shown.value() instanceof scala.runtime.BoxedUnit));
    String echo = fullEcho;
    if (value.isPresent()) {
      echo = withoutResultLine(echo, value.get().name());
    }
    return new ReplOutcome.Success(echo, value);
  }

  /** Adds jars to the compiler's and the REPL class loader's class path. */
  synchronized void addJars(List<Path> jars) {
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("not a jar path: " + jar, e);
      }
    }
    intp.addUrlsToClassPath(ArraySeq.unsafeWrapArray(urls.toArray(new URL[0])));
  }

  /** True when {@code code} has no statements (only comments and blanks). */
  synchronized boolean isEmpty(String code) {
    reporter.startCell(System.err);
    var parsed = reporter.suppressOutput(() -> intp.parse(code));
    return parsed.isRight() && parsed.toOption().get()._1().isEmpty();
  }

  /** Runs {@code action} with exclusive use of the compiler (completion, parsing). */
  synchronized <T> T withCompiler(java.util.function.Function<IMain, T> action) {
    reporter.startCell(System.err);
    return action.apply(intp);
  }

  /** The REPL's class loader, for values and code that must see REPL-defined classes. */
  ClassLoader classLoader() {
    return intp.classLoader();
  }

  @Override
  public synchronized void close() {
    intp.close();
  }

  private Optional<String> resultName() {
    IMain.Request request = intp.lastRequest();
    if (request == null || request.handlers().isEmpty()) {
      return Optional.empty();
    }
    MemberHandlers.MemberHandler last = request.handlers().last();
    Option<?> term = last.definesTerm();
    if (term.isEmpty()) {
      return Optional.empty();
    }
    String name = term.get().toString();
    return RESULT_NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
  }

  private Throwable lastException() {
    Option<Object> bound = intp.valueOfTerm("lastException");
    if (bound.isDefined() && bound.get() instanceof Throwable thrown) {
      return thrown;
    }
    return new IllegalStateException("the cell failed: " + reporter.echo().strip());
  }

  /** The type the REPL printed for {@code resultName} ({@code val res3: Int = 42}), or "". */
  static String typeInEcho(String echo, String resultName) {
    String prefix = "val " + resultName + ": ";
    int start = echo.lastIndexOf(prefix);
    if (start < 0) {
      return "";
    }
    int end = echo.indexOf(" = ", start + prefix.length());
    int newline = echo.indexOf('\n', start);
    if (end < 0 || (newline >= 0 && newline < end)) {
      return "";
    }
    return echo.substring(start + prefix.length(), end);
  }

  private static String withoutResultLine(String echo, String resultName) {
    int start = echo.lastIndexOf("val " + resultName + ":");
    return start < 0 ? echo : echo.substring(0, start);
  }

  private static <T> T withConsole(
      PrintStream out, PrintStream err, BufferedReader in, Supplier<T> body) {
    return Console.withOut(out, () -> Console.withErr(err, () -> Console.withIn(in, body::get)));
  }
}
