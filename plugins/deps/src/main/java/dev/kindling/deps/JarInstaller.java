package dev.kindling.deps;

import dev.kindling.api.KernelContext;
import java.nio.file.Path;
import java.util.List;

/**
 * Hands jars to the kernel's class path, turning its refusals into {@link DependencyException}s.
 */
final class JarInstaller {

  private final KernelContext context;

  JarInstaller(KernelContext context) {
    this.context = context;
  }

  void install(List<Path> jars) throws DependencyException, InterruptedException {
    try {
      context.classpath().addJars(jars);
    } catch (UnsupportedOperationException e) {
      throw new DependencyException(
          "Unsupported", "this kernel cannot add jars: " + e.getMessage());
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new DependencyException(
          "AddJarFailed", "could not add " + jars + ": " + e.getMessage(), e);
    }
  }
}
