package dev.kindling.kernel.plugin;

import java.util.List;

/**
 * The packages that plugins share with the kernel, as ARCHITECTURE.md lists them: the plugin API,
 * PF4J, SLF4J, Spark, the Scala library and py4j. Classes in these packages always come from the
 * kernel's class path, even when a plugin bundles its own copy, so that a plugin's {@code
 * InterpreterFactory} is the kernel's {@code InterpreterFactory} and a plugin's {@code
 * SparkSession} is the driver's. Everything else (Jackson, for example) is the plugin's own
 * business.
 *
 * <p>A few sub-packages of shared packages are left to the plugins: {@code scala.tools.} (the Scala
 * compiler) is not part of the Scala library the kernel shares, so the Scala interpreter plugin's
 * bundled compiler is used even when the kernel's class path also has one (a Spark distribution's
 * {@code jars/} does), and the compiler's classes never come half from each.
 */
final class SharedPackages {

  /** The packages the kernel shares with every plugin. */
  static final SharedPackages KERNEL =
      new SharedPackages(
          List.of(
              "dev.kindling.api.",
              "org.pf4j.",
              "org.slf4j.",
              "org.apache.spark.",
              "scala.",
              "py4j."),
          List.of("scala.tools."));

  private final List<String> classPrefixes;
  private final List<String> resourcePrefixes;
  private final List<String> pluginClassPrefixes;
  private final List<String> pluginResourcePrefixes;

  /**
   * @param packagePrefixes package names with a trailing dot, for example {@code "org.slf4j."}
   */
  SharedPackages(List<String> packagePrefixes) {
    this(packagePrefixes, List.of());
  }

  /**
   * @param packagePrefixes package names with a trailing dot, for example {@code "org.slf4j."}
   * @param pluginPackagePrefixes sub-packages of those that plugins do not share, for example
   *     {@code "scala.tools."}
   */
  SharedPackages(List<String> packagePrefixes, List<String> pluginPackagePrefixes) {
    for (String prefix : concat(packagePrefixes, pluginPackagePrefixes)) {
      if (!prefix.endsWith(".")) {
        throw new IllegalArgumentException("package prefix must end with '.': " + prefix);
      }
    }
    this.classPrefixes = List.copyOf(packagePrefixes);
    this.resourcePrefixes = asResourcePrefixes(classPrefixes);
    this.pluginClassPrefixes = List.copyOf(pluginPackagePrefixes);
    this.pluginResourcePrefixes = asResourcePrefixes(pluginClassPrefixes);
  }

  /** True when the class with this binary name belongs to a shared package. */
  boolean containsClass(String className) {
    return classPrefixes.stream().anyMatch(className::startsWith)
        && pluginClassPrefixes.stream().noneMatch(className::startsWith);
  }

  /** True when the resource with this name ({@code org/slf4j/...}) lives in a shared package. */
  boolean containsResource(String resourceName) {
    return resourcePrefixes.stream().anyMatch(resourceName::startsWith)
        && pluginResourcePrefixes.stream().noneMatch(resourceName::startsWith);
  }

  private static List<String> asResourcePrefixes(List<String> packagePrefixes) {
    return packagePrefixes.stream().map(p -> p.replace('.', '/')).toList();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  @Override
  public String toString() {
    return pluginClassPrefixes.isEmpty()
        ? classPrefixes.toString()
        : classPrefixes + " except " + pluginClassPrefixes;
  }
}
