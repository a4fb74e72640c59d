package dev.kindling.kernel.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test fixture: builds real PF4J plugin files (a jar with a manifest, or a zip with {@code
 * classes/} and {@code lib/*.jar}) from classes on the test class path, with chosen descriptor
 * entries and a chosen {@code META-INF/extensions.idx}. Shipped in kernel-core's test-jar for other
 * modules' tests.
 *
 * <pre>{@code
 * Path jar = PluginJarBuilder.plugin("kindling-foo")
 *     .requires(">=0.1.0")
 *     .classes(FooMagic.class)
 *     .extensionIndex(FooMagic.class)
 *     .buildJar(tempDir);
 * }</pre>
 *
 * Class files are read through this class's class loader, so classes from a directory or from a jar
 * on the class path both work.
 */
public final class PluginJarBuilder {

  private static final String EXTENSIONS_INDEX = "META-INF/extensions.idx";

  private final Map<String, String> descriptor = new LinkedHashMap<>();
  private final Map<String, byte[]> entries = new TreeMap<>();
  private final Map<String, Map<String, byte[]>> libraries = new TreeMap<>();
  private String classesLibrary;

  private PluginJarBuilder() {}

  /** A plugin with this {@code Plugin-Id} and {@code Plugin-Version} 1.0.0. */
  public static PluginJarBuilder plugin(String pluginId) {
    return new PluginJarBuilder().manifestEntry("Plugin-Id", pluginId).version("1.0.0");
  }

  /** An archive with a bare manifest and no plugin descriptor at all. */
  public static PluginJarBuilder withoutDescriptor() {
    return new PluginJarBuilder();
  }

  public PluginJarBuilder version(String version) {
    return manifestEntry("Plugin-Version", version);
  }

  public PluginJarBuilder requires(String requires) {
    return manifestEntry("Plugin-Requires", requires);
  }

  public PluginJarBuilder pluginClass(Class<?> pluginClass) {
    return manifestEntry("Plugin-Class", pluginClass.getName());
  }

  public PluginJarBuilder dependencies(String dependencies) {
    return manifestEntry("Plugin-Dependencies", dependencies);
  }

  /** Sets (or, with a null value, removes) a main manifest attribute. */
  public PluginJarBuilder manifestEntry(String name, String value) {
    if (value == null) {
      descriptor.remove(name);
    } else {
      descriptor.put(name, value);
    }
    return this;
  }

  /** Adds these classes with their nested and anonymous classes. */
  public PluginJarBuilder classes(Class<?>... classes) {
    for (Class<?> type : classes) {
      addClassTree(type);
    }
    return this;
  }

  /** Adds classes by binary name (nested classes are not added). */
  public PluginJarBuilder classes(String... classNames) {
    for (String className : classNames) {
      entries.put(classFile(className), read(classFile(className)));
    }
    return this;
  }

  /** Adds every class file of a package (not of its sub-packages) found on the class path. */
  public PluginJarBuilder packageClasses(String packageName) {
    String folder = packageName.replace('.', '/') + "/";
    for (String path : listClassFiles(folder)) {
      entries.put(path, read(path));
    }
    return this;
  }

  /** Adds any other file to the plugin's classes. */
  public PluginJarBuilder resource(String path, String content) {
    entries.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Writes {@code META-INF/extensions.idx} listing exactly these class names. */
  public PluginJarBuilder extensionIndex(String... classNames) {
    StringBuilder index = new StringBuilder("# written by PluginJarBuilder\n");
    for (String className : classNames) {
      index.append(className).append('\n');
    }
    return resource(EXTENSIONS_INDEX, index.toString());
  }

  public PluginJarBuilder extensionIndex(Class<?>... classes) {
    return extensionIndex(Stream.of(classes).map(Class::getName).toArray(String[]::new));
  }

  /** Zip only: a {@code lib/} jar holding these classes (with nested classes). */
  public PluginJarBuilder library(String jarName, Class<?>... classes) {
    PluginJarBuilder contents = new PluginJarBuilder().classes(classes);
    libraries.put(jarName, contents.entries);
    return this;
  }

  /** Zip only: put the plugin's classes and extension index in {@code lib/jarName}. */
  public PluginJarBuilder classesInLibrary(String jarName) {
    this.classesLibrary = jarName;
    return this;
  }

  /** Writes {@code <id>-<version>.jar} into {@code directory}. */
  public Path buildJar(Path directory) {
    return buildJar(directory, defaultName() + ".jar");
  }

  /** Writes a plugin jar: the classes and resources at the root, the descriptor in the manifest. */
  public Path buildJar(Path directory, String fileName) {
    if (!libraries.isEmpty() || classesLibrary != null) {
      throw new IllegalStateException("lib/ jars only exist in zip plugins");
    }
    Map<String, byte[]> jar = new LinkedHashMap<>();
    jar.put(JarFile.MANIFEST_NAME, manifestBytes()); // first, as jar readers expect
    jar.putAll(entries);
    return write(directory.resolve(fileName), jar);
  }

  /** Writes {@code <id>-<version>.zip} into {@code directory}. */
  public Path buildZip(Path directory) {
    return buildZip(directory, defaultName() + ".zip");
  }

  /** Writes a zip plugin: {@code classes/} (descriptor in its manifest) and {@code lib/*.jar}. */
  public Path buildZip(Path directory, String fileName) {
    Map<String, byte[]> zip = new TreeMap<>();
    zip.put("classes/" + JarFile.MANIFEST_NAME, manifestBytes());
    if (classesLibrary == null) {
      entries.forEach((path, bytes) -> zip.put("classes/" + path, bytes));
    } else {
      zip.put("lib/" + classesLibrary, zipBytes(entries));
    }
    libraries.forEach((jarName, contents) -> zip.put("lib/" + jarName, zipBytes(contents)));
    return write(directory.resolve(fileName), zip);
  }

  private String defaultName() {
    return descriptor.getOrDefault("Plugin-Id", "plugin")
        + "-"
        + descriptor.getOrDefault("Plugin-Version", "0");
  }

  private void addClassTree(Class<?> type) {
    entries.put(classFile(type.getName()), read(classFile(type.getName())));
    for (int i = 1; resourceExists(classFile(type.getName() + "$" + i)); i++) {
      entries.put(classFile(type.getName() + "$" + i), read(classFile(type.getName() + "$" + i)));
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      addClassTree(nested);
    }
  }

  private byte[] manifestBytes() {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    descriptor.forEach((name, value) -> attributes.put(new Attributes.Name(name), value));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      manifest.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String classFile(String className) {
    return className.replace('.', '/') + ".class";
  }

  private static ClassLoader source() {
    return PluginJarBuilder.class.getClassLoader();
  }

  private static boolean resourceExists(String path) {
    return source().getResource(path) != null;
  }

  private static byte[] read(String path) {
    try (InputStream in = source().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("not on the test class path: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> listClassFiles(String folder) {
    Set<String> found = new TreeSet<>();
    try {
      for (URL url : Collections.list(source().getResources(folder))) {
        if ("jar".equals(url.getProtocol())) {
          JarURLConnection connection = (JarURLConnection) url.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            jar.stream()
                .map(ZipEntry::getName)
                .filter(name -> isClassDirectlyIn(folder, name))
                .forEach(found::add);
          }
        } else {
          try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            files
                .map(file -> folder + file.getFileName())
                .filter(name -> isClassDirectlyIn(folder, name))
                .forEach(found::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no classes on the test class path in " + folder);
    }
    return List.copyOf(found);
  }

  private static boolean isClassDirectlyIn(String folder, String name) {
    return name.startsWith(folder)
        && name.endsWith(".class")
        && name.indexOf('/', folder.length()) < 0;
  }

  private static byte[] zipBytes(Map<String, byte[]> contents) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Path write(Path file, Map<String, byte[]> contents) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, zipBytes(contents));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
