package dev.kindling.deps;

/** The kernel's Scala binary version ({@code 2.13}), the suffix of {@code group::artifact}. */
final class ScalaVersions {

  private ScalaVersions() {}

  static String binary() {
    String full = scala.util.Properties.versionNumberString();
    String[] parts = full.split("\\.");
    return parts[0].equals("3") ? "3" : parts[0] + "." + parts[1];
  }
}
