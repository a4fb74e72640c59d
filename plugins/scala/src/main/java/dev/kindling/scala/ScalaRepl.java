package dev.kindling.scala;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import scala.Console;
import scala.collection.immutable.ArraySeq;
import scala.jdk.javaapi.CollectionConverters;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.Results;

/**
 * One {@link IMain} with class-based wrappers whose classes are written to a real directory (the
 * one Spark serves to executors), loaded by a class loader whose parent is the plugin's. All use is
 * serialised: IMain is not thread-safe.
 */
final class ScalaRepl implements AutoCloseable {

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
    IMain intp = new KindlingIMain(settings, parent, classPath, reporter);
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
    SingleRunRequest request = new SingleRunRequest(intp, reporter);
    return withConsole(out, err, in, () -> request.run(code));
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

  private static <T> T withConsole(
      PrintStream out, PrintStream err, BufferedReader in, Supplier<T> body) {
    return Console.withOut(out, () -> Console.withErr(err, () -> Console.withIn(in, body::get)));
  }
}
