package dev.kindling.scala;

import scala.Option;
import scala.reflect.internal.Symbols;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.ReplRealDir;
import scala.tools.nsc.interpreter.ReplReporter;

/**
 * Scala's {@link IMain} with one lookup made cheaper: a cell's wrapper ({@code $line12.$read}) is
 * found in the compiler's own symbol table, where the cell's compilation has just entered it.
 *
 * <p>IMain asks the runtime reflection mirror first and imports the symbol it finds into the
 * compiler. For a new {@code $lineN} package that walks the REPL class loader's parents (the whole
 * Spark class path) and builds runtime symbols for the package and its classes, about a sixth of a
 * warm one-line cell. IMain needs the wrapper's symbol to learn the types of the cell's
 * definitions, for the echo and for later cells.
 */
final class KindlingIMain extends IMain {

  KindlingIMain(Settings settings, ClassLoader parent, ReplReporter reporter) {
    super(settings, Option.apply(parent), settings, reporter);
  }

  /**
   * IMain's own, with a return type Java accepts: Scala's {@code ReplDir} extends a class, which
   * Java cannot see, so IMain's {@code outputDir} looks incompatible with the {@code Repl}
   * interface's. Kindling always gives the REPL a real output directory ({@code -Yrepl-outdir}).
   */
  @Override
  public ReplRealDir outputDir() {
    return (ReplRealDir) super.outputDir();
  }

  /** IMain's own; raw, because Java's generics cannot express Scala's covariant {@code Option}. */
  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Option requestDefining(String name) {
    return super.requestDefining(name);
  }

  @Override
  public Symbols.Symbol readRootPath(String readPath) {
    Symbols.Symbol wrapper = global().rootMirror().getModuleIfDefined(readPath);
    return wrapper.exists() ? wrapper : super.readRootPath(readPath);
  }
}
