package dev.kindling.scala;

import dev.kindling.scala.ReplOutcome.ResultValue;
import java.util.Optional;
import scala.collection.immutable.List;
import scala.reflect.NameTransformer;
import scala.reflect.internal.Names;
import scala.reflect.internal.Symbols;
import scala.reflect.internal.Trees;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.MemberHandlers;
import scala.tools.nsc.interpreter.Results;
import scala.tools.nsc.util.Exceptional;
import scala.util.Either;
import scala.util.Right;

/**
 * Runs one cell the way {@link IMain#interpret(String)} does, with one compiler run instead of two.
 *
 * <p>IMain compiles every cell twice: the wrapper holding the user's code, then an {@code $eval}
 * object that only runs the wrapper and builds the REPL's echo ({@code val x: Int = 1}) from types
 * the first run found. Each compiler run costs the same fixed work whatever its size (the
 * specialisation phase alone is about a third of it), so the second run was about a third of a warm
 * {@code 1+1}. Here the wrapper is run by reflection and the echo is built from the same types in
 * Java. Everything else is IMain's own: parsing, the import wrappers that carry definitions from
 * cell to cell, the class output Spark serves to executors, and the bookkeeping of defined names.
 *
 * <p>Used only under {@link ScalaRepl}'s lock, with {@code Console} bound to the cell's streams.
 */
final class SingleRunRequest {

  private final IMain intp;
  private final CellReporter reporter;

  SingleRunRequest(IMain intp, CellReporter reporter) {
    this.intp = intp;
    this.reporter = reporter;
  }

  ReplOutcome run(String code) {
    Either<Results.Result, IMain.Request> parsed = intp.requestFromLine(code, false, false);
    if (parsed.isLeft()) {
      Results.Result result = parsed.left().toOption().get();
      if (result == Results.Incomplete$.MODULE$) {
        return new ReplOutcome.Incomplete();
      }
      forgetWarnings();
      return failedToCompile();
    }
    try {
      return run(parsed.toOption().get());
    } finally {
      forgetWarnings();
    }
  }

  private ReplOutcome run(IMain.Request request) {
    if (!request.lineRep().compile(request.mkUnit())) {
      return failedToCompile();
    }
    rememberTypes(request);
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    thread.setContextClassLoader(intp.classLoader());
    try {
      return runCompiled(request);
    } finally {
      thread.setContextClassLoader(saved);
    }
  }

  private ReplOutcome runCompiled(IMain.Request request) {
    Object wrapper;
    try {
      wrapper = instantiate(request);
    } catch (ReflectiveOperationException | RuntimeException | Error e) {
      // Errors other than linkage errors (StackOverflowError) leave a class initialiser unwrapped.
      Throwable thrown = Exceptional.rootCause(e);
      bindLastException(request, thrown);
      return new ReplOutcome.RuntimeFailure(thrown);
    }
    // The cell ran: its definitions stay, even if showing one of them fails below.
    intp.recordRequest(request);
    Optional<ResultValue> value;
    try {
      value = resultValue(request, wrapper);
      reporter.printResult(new Right<>(echo(request, wrapper, value.map(ResultValue::name))));
    } catch (RuntimeException | LinkageError e) {
      // A definition's toString threw (IMain's $print would have failed the same way).
      return new ReplOutcome.RuntimeFailure(Exceptional.rootCause(e));
    }
    return new ReplOutcome.Success(
        reporter.echo(),
        value.filter(shown -> !(shown.value() instanceof scala.runtime.BoxedUnit)));
  }

  /**
   * What IMain does between its two runs: records the types of the names the cell defines, and
   * gives the handlers' trees their symbols, so that later cells can import those names.
   */
  private static void rememberTypes(IMain.Request request) {
    request.typeOf();
    request.typesOfDefinedTerms();
    for (MemberHandlers.MemberDefHandler handler : iterable(request.defHandlers())) {
      Symbols.Symbol symbol = request.definedSymbols().apply(handler.member().name());
      if (symbol.exists()) {
        handler.member().setSymbol(symbol);
      }
    }
  }

  /**
   * Runs the cell: the wrapper's constructor is the user's code. Returns the innermost wrapper, the
   * instance whose members are the cell's definitions ({@code $line4.$read.INSTANCE.$iw}).
   */
  private Object instantiate(IMain.Request request) throws ReflectiveOperationException {
    Class<?> read = Class.forName(request.lineRep().readPath() + "$", true, intp.classLoader());
    Object wrapper = read.getMethod("INSTANCE").invoke(read.getField("MODULE$").get(null));
    for (String step : request.accessPath().split("\\.")) {
      if (!step.isEmpty()) {
        wrapper = member(wrapper, step);
      }
    }
    return wrapper;
  }

  /** The REPL binds a failed cell's exception as {@code lastException}, for the next cells. */
  private static void bindLastException(IMain.Request request, Throwable thrown) {
    try {
      request.lineRep().bindError(thrown);
    } catch (Throwable e) {
      // IMain rethrows what it cannot bind, checked or not. Binding compiles a line of its own;
      // the cell's failure is what the user must see.
    }
  }

  /** The value of the cell's last expression, kept by the REPL as {@code resN}. */
  private Optional<ResultValue> resultValue(IMain.Request request, Object wrapper) {
    if (request.handlers().isEmpty()
        || !(request.handlers().last() instanceof MemberHandlers.ValHandler last)) {
      return Optional.empty();
    }
    String name = last.name().toString();
    if (!intp.naming().isUserVarName(name)) {
      return Optional.empty();
    }
    return Optional.of(
        new ResultValue(name, valueOf(wrapper, last), request.lookupTypeOf(last.name())));
  }

  /**
   * The REPL's echo of the cell's definitions, as IMain's member handlers would have it compiled
   * into {@code $eval}: {@code val x: Int = 1}, {@code def f(n: Int): Int}, {@code class Point}.
   * The line of the result value is left out: the kernel shows that value as the cell's result.
   */
  private String echo(IMain.Request request, Object wrapper, Optional<String> resultName) {
    StringBuilder echo = new StringBuilder();
    for (MemberHandlers.MemberHandler handler : iterable(request.handlers())) {
      if (handler instanceof MemberHandlers.ValHandler value) {
        String name = value.name().toString();
        Trees.Modifiers mods = value.mods();
        if (!mods.isPublic()
            || resultName.filter(name::equals).isPresent()
            || (intp.naming().isUserVarName(name)
                && "Unit".equals(request.lookupTypeOf(value.name())))) {
          continue;
        }
        String keyword = mods.isMutable() ? "var" : mods.isLazy() ? "lazy val" : "val";
        echo.append(keyword).append(' ').append(value.prettyName()).append(": ");
        echo.append(request.lookupTypeOf(value.name()));
        if (mods.isLazy()) {
          echo.append(" // unevaluated\n");
        } else {
          echo.append(" = ").append(ReplStrings.afterEquals(valueOf(wrapper, value)));
        }
      } else if (handler instanceof MemberHandlers.MacroHandler
          || handler instanceof MemberHandlers.DefHandler) {
        MemberHandlers.MemberDefHandler def = (MemberHandlers.MemberDefHandler) handler;
        if (def.mods().isPublic()) {
          echo.append("def ").append(request.defTypeOf(def.name(), Names.Name::decode));
          echo.append('\n');
        }
      } else if (handler instanceof MemberHandlers.ImportHandler imported) {
        echo.append(imported.importString()).append('\n');
      } else if (handler instanceof MemberHandlers.AssignHandler) {
        echo.append("// mutated ").append(assigned(handler.member())).append('\n');
      } else if (handler instanceof MemberHandlers.ModuleHandler
          || handler instanceof MemberHandlers.ClassHandler
          || handler instanceof MemberHandlers.TypeAliasHandler) {
        MemberHandlers.MemberDefHandler def = (MemberHandlers.MemberDefHandler) handler;
        String keyword =
            handler instanceof MemberHandlers.TypeAliasHandler ? "type" : def.keyword();
        echo.append(keyword).append(' ').append(def.prettyName()).append('\n');
      }
    }
    return echo.toString();
  }

  /** {@code x} in {@code x = 1} and in {@code x += 1}. */
  private static Trees.Tree assigned(Trees.Tree member) {
    if (member instanceof Trees.Assign assign) {
      return assign.lhs();
    }
    if (member instanceof Trees.Apply apply && apply.fun() instanceof Trees.Select select) {
      return select.qualifier();
    }
    return member;
  }

  private static Object valueOf(Object wrapper, MemberHandlers.ValHandler value) {
    try {
      return member(wrapper, NameTransformer.encode(value.name().toString()));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "the REPL wrapper has no accessor for " + value.prettyName(), e);
    }
  }

  private static Object member(Object instance, String name) throws ReflectiveOperationException {
    java.lang.reflect.Method accessor;
    try {
      accessor = instance.getClass().getMethod(name);
    } catch (NoSuchMethodException e) {
      // Object wrappers (a cell defining a value class): $read$$iw$ is a module of its own.
      Class<?> module =
          Class.forName(
              instance.getClass().getName() + name + "$",
              true,
              instance.getClass().getClassLoader());
      return module.getField("MODULE$").get(null);
    }
    Object value = accessor.invoke(instance);
    // A val of type Unit compiles to a void accessor.
    return accessor.getReturnType() == void.class ? scala.runtime.BoxedUnit.UNIT : value;
  }

  /** Compiler errors; none when the cell had no statements or an interrupt stopped the compiler. */
  private ReplOutcome failedToCompile() {
    java.util.List<CompilerMessage> errors = reporter.errors();
    return errors.isEmpty() ? new ReplOutcome.NotRun() : new ReplOutcome.CompileFailure(errors);
  }

  /** As IMain after every complete cell: warnings of this run do not leak into the next parse. */
  private void forgetWarnings() {
    reporter.reset();
    intp.global().currentRun().reporting().clearAllConditionalWarnings();
  }

  private static <T> Iterable<T> iterable(List<T> list) {
    return scala.jdk.javaapi.CollectionConverters.asJava(list);
  }
}
