package dev.kindling.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * A class loader that takes jars while the kernel runs, for an interpreter whose other side
 * resolves JVM classes by name in the kernel's JVM: py4j's gateway (PySpark's {@code
 * spark._jvm.some.Class}) and Spark's RBackend ({@code callJStatic}) look classes up in their
 * threads' context class loader. Make this loader that context loader and hand it the jars of
 * {@link ClasspathExtensible#addJars}; classes its parent knows still come from the parent.
 *
 * <p>Thread-safe: jars may be added while other threads load classes.
 */
public final class AddedJarsClassLoader extends URLClassLoader {

  static {
    ClassLoader.registerAsParallelCapable();
  }

  /**
   * @param name the loader's name, shown in stack traces
   * @param parent the loader asked first: the one the interpreter's classes come from
   */
  public AddedJarsClassLoader(String name, ClassLoader parent) {
    super(name, new URL[0], parent);
  }

  /**
   * Makes the classes in {@code jars} loadable, from now on.
   *
   * @param jars local jar files
   */
  public void addJars(List<Path> jars) {
    for (Path jar : jars) {
      try {
        addURL(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("not a jar path: " + jar, e);
      }
    }
  }

  /**
   * Closes the jars this loader opened; classes it loaded stay usable, new ones cannot be loaded.
   *
   * @throws UncheckedIOException when a jar could not be closed
   */
  @Override
  public void close() {
    try {
      super.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
