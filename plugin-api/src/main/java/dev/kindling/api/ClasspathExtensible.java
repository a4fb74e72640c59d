package dev.kindling.api;

import java.nio.file.Path;
import java.util.List;

/**
 * An optional capability of an {@link Interpreter} that runs on the kernel's JVM: it can take jars
 * onto the class path its cells compile and load against. The kernel calls it from {@link
 * KernelClasspath#addJars} for every started interpreter that implements it, and once more with
 * every jar added so far when such an interpreter is created later.
 *
 * <p>Called on the kernel's execution thread (between cells, or from a magic in a cell), never
 * while the interpreter runs another cell.
 */
public interface ClasspathExtensible {

  /**
   * Makes the classes in {@code jars} usable from the next cell on.
   *
   * @param jars local jar files that exist, in order
   * @throws Exception when the jars could not be added; the message says why
   */
  void addJars(List<Path> jars) throws Exception;
}
