package dev.kindling.deps;

import dev.kindling.api.MagicUsageException;

/**
 * A Maven artifact's group, artifact and version.
 *
 * @param group the group id
 * @param artifact the artifact id (with the Scala suffix, for {@code group::artifact})
 * @param version the version
 */
record Coordinate(String group, String artifact, String version) {

  static Coordinate of(String group, String artifact, String version) {
    if (group.isBlank() || artifact.isBlank() || version.isBlank()) {
      throw new MagicUsageException(
          "group, artifact and version must not be empty: "
              + group
              + ":"
              + artifact
              + ":"
              + version);
    }
    return new Coordinate(group, artifact, version);
  }

  /** {@code group:artifact:version}, or {@code group::artifact:version} for a Scala artifact. */
  static Coordinate parse(String text, String scalaBinaryVersion) {
    String spec = text;
    boolean scala = false;
    int doubleColon = spec.indexOf("::");
    if (doubleColon > 0) {
      spec = spec.substring(0, doubleColon) + ":" + spec.substring(doubleColon + 2);
      scala = true;
    }
    String[] parts = spec.split(":", -1);
    if (parts.length != 3) {
      throw new MagicUsageException(
          "not a coordinate: "
              + text
              + " (expected group:artifact:version or group::artifact:version)");
    }
    String artifact = scala ? parts[1] + "_" + scalaBinaryVersion : parts[1];
    return of(parts[0], artifact, parts[2]);
  }

  /** {@code group:artifact}, the key that identifies the artifact whatever its version. */
  String key() {
    return group + ":" + artifact;
  }

  @Override
  public String toString() {
    return group + ":" + artifact + ":" + version;
  }

  /**
   * {@code --exclude group[:artifact]}: an artifact (or every artifact of a group) left out.
   *
   * @param artifact the artifact id, or {@code *} for the whole group
   */
  record Exclude(String group, String artifact) {
    static Exclude parse(String text) {
      String[] parts = text.split(":", -1);
      if (parts.length > 2 || parts[0].isBlank() || (parts.length == 2 && parts[1].isBlank())) {
        throw new MagicUsageException("not an exclusion: " + text + " (expected group[:artifact])");
      }
      return new Exclude(parts[0], parts.length == 2 ? parts[1] : "*");
    }
  }
}
