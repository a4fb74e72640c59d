package dev.kindling.deps;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Maven artifacts the kernel already has: its class path (Spark, Scala, the kernel's libraries)
 * and the jars added since, identified by the {@code META-INF/maven/.../pom.properties} a jar
 * carries (only the one that matches the jar's file name, so shaded copies inside a jar do not
 * count), or by file name alone ({@code artifact-version.jar}) for jars without one.
 */
final class KernelArtifacts {

  private static final Pattern POM_PROPERTIES =
      Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
  private static final Pattern FILE_NAME = Pattern.compile("(.+?)-(\\d[^-]*(?:-[^-]+)*)\\.jar");

  private static volatile KernelArtifacts classPath;

  private final Map<String, String> byKey = new HashMap<>();
  private final Map<String, String> byArtifactOnly = new HashMap<>();

  /** The artifacts of the kernel JVM's class path, read once. */
  static KernelArtifacts ofClassPath() {
    KernelArtifacts found = classPath;
    if (found == null) {
      found = new KernelArtifacts();
      for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
        if (entry.endsWith(".jar")) {
          found.add(Path.of(entry));
        }
      }
      classPath = found;
    }
    return found;
  }

  /** These artifacts plus those of {@code jars}. */
  KernelArtifacts with(Collection<Path> jars) {
    KernelArtifacts copy = new KernelArtifacts();
    copy.byKey.putAll(byKey);
    copy.byArtifactOnly.putAll(byArtifactOnly);
    jars.forEach(copy::add);
    return copy;
  }

  /** The version the kernel has of {@code group:artifact}, if it has it. */
  Optional<String> version(String group, String artifact) {
    String version = byKey.get(group + ":" + artifact);
    return Optional.ofNullable(version != null ? version : byArtifactOnly.get(artifact));
  }

  void add(Path jar) {
    if (!Files.isRegularFile(jar)) {
      return;
    }
    String fileName = jar.getFileName().toString();
    boolean identified = false;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Matcher matcher = POM_PROPERTIES.matcher(entry.getName());
        if (matcher.matches() && fileName.startsWith(matcher.group(2) + "-")) {
          Properties properties = new Properties();
          try (InputStream in = zip.getInputStream(entry)) {
            properties.load(in);
          }
          String version = properties.getProperty("version");
          if (version != null) {
            byKey.put(matcher.group(1) + ":" + matcher.group(2), version);
            identified = true;
          }
        }
      }
    } catch (IOException e) {
      return;
    }
    Matcher name = FILE_NAME.matcher(fileName);
    if (!identified && name.matches()) {
      byArtifactOnly.putIfAbsent(name.group(1), name.group(2));
    }
  }
}
