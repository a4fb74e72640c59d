package dev.kindling.scala;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import scala.Option;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.internal.Symbols;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.ReplRealDir;
import scala.tools.nsc.interpreter.ReplReporter;

/**
 * Scala's {@link IMain} with its per-cell lookups made cheaper. A warm one-line cell spent about a
 * quarter of its time looking for the classes of the cell's wrappers ({@code $line12.$read}) where
 * they cannot be:
 *
 * <ul>
 *   <li>IMain found a cell's wrapper symbol through the runtime reflection mirror, importing it
 *       into the compiler; here it is taken from the compiler's own symbol table, where the cell's
 *       compilation has just entered it.
 *   <li>The REPL's class loader asks its parents first, and its first parent was a second copy of
 *       the whole class path (Spark's 250 jars), searched again for every wrapper class. Here that
 *       copy holds only jars added since start ({@code kernel.addJars}), and the parent answers
 *       "not found" for wrapper classes at once, which only the REPL's output directory holds.
 * </ul>
 */
final class KindlingIMain extends IMain {

  private final Set<Path> startClassPath;

  /**
   * @param startClassPath the class path the compiler starts with, all of it visible to {@code
   *     parent}
   */
  KindlingIMain(
      Settings settings, ClassLoader parent, List<Path> startClassPath, ReplReporter reporter) {
    super(settings, Option.apply(new WithoutReplWrappers(parent)), settings, reporter);
    this.startClassPath =
        startClassPath.stream()
            .map(p -> p.toAbsolutePath().normalize())
            .collect(Collectors.toSet());
  }

  @Override
  public Symbols.Symbol readRootPath(String readPath) {
    Symbols.Symbol wrapper = global().rootMirror().getModuleIfDefined(readPath);
    return wrapper.exists() ? wrapper : super.readRootPath(readPath);
  }

  /** What the REPL class loader adds to its parent: the jars added since start. */
  @Override
  public Seq<URL> compilerClasspath() {
    List<URL> added =
        CollectionConverters.asJava(super.compilerClasspath()).stream()
            .filter(url -> !startClassPath.contains(pathOf(url)))
            .toList();
    return CollectionConverters.asScala(added).toList();
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

  private static Path pathOf(URL url) {
    try {
      return "file".equals(url.getProtocol())
          ? Path.of(url.toURI()).toAbsolutePath().normalize()
          : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Delegates to the plugin's class loader, except for the REPL's wrapper packages. */
  private static final class WithoutReplWrappers extends ClassLoader {

    static {
      registerAsParallelCapable();
    }

    WithoutReplWrappers(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("$line")) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      return name.startsWith("$line") ? null : super.getResource(name);
    }
  }
}
