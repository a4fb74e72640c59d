package dev.kindling.api;

import java.nio.file.Path;
import java.util.List;

/**
 * Jars added to the running kernel ({@code %AddJar}, {@code %AddDeps}), reached through {@link
 * KernelContext#classpath()}. A jar added here goes to every JVM interpreter (those that implement
 * {@link ClasspathExtensible}: the started ones at once, the others when they start) and to Spark's
 * executors ({@code SparkContext.addJar}: at once when the session runs, otherwise when it starts,
 * and again for a session that replaces it).
 */
public interface KernelClasspath {

  /**
   * Adds local jars. Jars added before (same path) are skipped.
   *
   * @param jars local jar files
   * @throws IllegalArgumentException when a path is not a readable file; nothing is added then
   * @throws UnsupportedOperationException when this kernel cannot add jars
   * @throws Exception when an interpreter refused the jars; the message says which and why
   */
  void addJars(List<Path> jars) throws Exception;

  /** Every jar added so far, in the order added. */
  List<Path> jars();

  /** A class path that accepts no jars, for contexts without a kernel. */
  static KernelClasspath unsupported() {
    return Unsupported.INSTANCE;
  }

  /** The class path of contexts that cannot add jars. */
  enum Unsupported implements KernelClasspath {
    INSTANCE;

    @Override
    public void addJars(List<Path> jars) {
      throw new UnsupportedOperationException("this kernel cannot add jars");
    }

    @Override
    public List<Path> jars() {
      return List.of();
    }
  }
}
