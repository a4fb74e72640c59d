package dev.kindling.kernel.plugin;

import java.util.List;

/**
 * The packages that plugins share with the kernel, as ARCHITECTURE.md lists them: the plugin API,
 * PF4J, SLF4J, Spark, the Scala library and py4j. Classes in these packages always come from the
 * kernel's class path, even when a plugin bundles its own copy, so that a plugin's {@code
 * InterpreterFactory} is the kernel's {@code InterpreterFactory} and a plugin's {@code
 * SparkSession} is the driver's. Everything else (Jackson, for example) is the plugin's own
 * business.
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
              "py4j."));

  private final List<String> classPrefixes;
  private final List<String> resourcePrefixes;

  /**
   * @param packagePrefixes package names with a trailing dot, for example {@code "org.slf4j."}
   */
  SharedPackages(List<String> packagePrefixes) {
    for (String prefix : packagePrefixes) {
      if (!prefix.endsWith(".")) {
        throw new IllegalArgumentException("package prefix must end with '.': " + prefix);
      }
    }
    this.classPrefixes = List.copyOf(packagePrefixes);
    this.resourcePrefixes = classPrefixes.stream().map(p -> p.replace('.', '/')).toList();
  }

  /** True when the class with this binary name belongs to a shared package. */
  boolean containsClass(String className) {
    return classPrefixes.stream().anyMatch(className::startsWith);
  }

  /** True when the resource with this name ({@code org/slf4j/...}) lives in a shared package. */
  boolean containsResource(String resourceName) {
    return resourcePrefixes.stream().anyMatch(resourceName::startsWith);
  }

  @Override
  public String toString() {
    return classPrefixes.toString();
  }
}
