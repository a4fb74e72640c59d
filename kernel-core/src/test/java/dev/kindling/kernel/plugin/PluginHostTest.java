package dev.kindling.kernel.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.CellMagic;
import dev.kindling.api.CommTarget;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.LineMagic;
import dev.kindling.api.MimeBundle;
import dev.kindling.kernel.testplugin.EchoCommTarget;
import dev.kindling.kernel.testplugin.EchoLineMagic;
import dev.kindling.kernel.testplugin.TestInterpreterFactory;
import dev.kindling.kernel.testplugin.TestPointRenderer;
import dev.kindling.kernel.testplugin.UpperCellMagic;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pf4j.PluginClassLoader;

class PluginHostTest {

  private static final Class<?>[] TEST_EXTENSIONS = {
    TestInterpreterFactory.class,
    EchoLineMagic.class,
    UpperCellMagic.class,
    EchoCommTarget.class,
    TestPointRenderer.class
  };

  @TempDir Path plugins;
  @TempDir Path cache;

  /** A kernel's plugin host, with this test's own cache of unpacked zips. */
  private PluginHost start(Path directory) {
    return PluginHost.start(directory, Optional.of(cache));
  }

  /** The kindling-test plugin, as the build packages it. */
  static PluginJarBuilder testPlugin() {
    return PluginJarBuilder.plugin("kindling-test")
        .requires(">=0.1.0")
        .packageClasses("dev.kindling.kernel.testplugin")
        .extensionIndex(TEST_EXTENSIONS);
  }

  private static String api() {
    return PluginHost.pluginApiVersion();
  }

  @Test
  void readsThePluginApiVersionFromThePluginApiJar() {
    assertThat(api()).matches("\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void loadsTheTestPluginJarWithEveryKindOfExtension() throws Exception {
    testPlugin().buildJar(plugins);

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems()).isEmpty();
      assertThat(host.pluginIds()).containsExactly("kindling-test");
      assertTestPluginExtensions(host);
    }
  }

  @ParameterizedTest(name = "classes in lib/ jar: {0}")
  @ValueSource(booleans = {false, true})
  void loadsTheTestPluginAsAZip(boolean classesInLibrary) throws Exception {
    PluginJarBuilder zip = testPlugin();
    if (classesInLibrary) {
      zip.classesInLibrary("kindling-test.jar");
    }
    Path file = zip.buildZip(plugins);

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems()).isEmpty();
      assertThat(host.pluginIds()).containsExactly("kindling-test");
      assertTestPluginExtensions(host);
    }
    try (Stream<Path> files = Files.list(plugins)) {
      assertThat(files).as("nothing unpacked beside the zip").containsExactly(file);
    }
  }

  private static void assertTestPluginExtensions(PluginHost host) throws Exception {
    assertThat(host.interpreterFactories())
        .extracting(InterpreterFactory::name)
        .containsExactly("test");
    assertThat(host.lineMagics()).extracting(LineMagic::name).containsExactly("echo");
    assertThat(host.cellMagics()).extracting(CellMagic::name).containsExactly("upper");
    assertThat(host.commTargets()).extracting(CommTarget::targetName).containsExactly("echo");
    assertThat(host.displayRenderers()).hasSize(1);

    InterpreterFactory factory = host.interpreterFactories().get(0);
    assertThat(factory.getClass())
        .as("the plugin's copy, not the test class path's")
        .isNotSameAs(TestInterpreterFactory.class);
    assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);

    // The plugin's interpreter and renderer work together across the class loader boundary.
    ExecutionResult point =
        factory
            .create(new FakeKernelContext())
            .execute(new ExecutionRequest("point 1 2", 1, false, true, false));
    Object value = ((ExecutionResult.Value) point).value();
    assertThat(host.displayRenderers().get(0).render(value))
        .contains(MimeBundle.of("text/html", "<b>(1, 2)</b>").with("text/plain", "(1, 2)"));
  }

  @Test
  void sharedPackagesComeFromTheKernelEvenWhenThePluginBundlesThem() throws Exception {
    testPlugin()
        .packageClasses("dev.kindling.api")
        .packageClasses("org.pf4j")
        .resource("dev/kindling/api/plugin-api.properties", "version=9.9.9\n")
        .buildJar(plugins);

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems()).isEmpty();
      assertThat(host.interpreterFactories())
          .as("the plugin's factory implements the kernel's InterpreterFactory")
          .hasSize(1);
      InterpreterFactory factory = host.interpreterFactories().get(0);
      ClassLoader pluginLoader = factory.getClass().getClassLoader();

      assertThat(factory).isInstanceOf(InterpreterFactory.class);
      assertThat(pluginLoader.loadClass("dev.kindling.api.InterpreterFactory"))
          .isSameAs(InterpreterFactory.class);
      assertThat(pluginLoader.loadClass("org.pf4j.ExtensionPoint"))
          .isSameAs(org.pf4j.ExtensionPoint.class);
      try (InputStream properties =
          pluginLoader.getResourceAsStream("dev/kindling/api/plugin-api.properties")) {
        assertThat(new String(properties.readAllBytes(), StandardCharsets.UTF_8))
            .contains("version=" + api());
      }
    }
  }

  @Test
  void skipsAPluginThatNeedsANewerPluginApi() {
    testPlugin().buildJar(plugins);
    PluginJarBuilder.plugin("kindling-future")
        .version("1.0")
        .requires(">=99.0.0")
        .classes(EchoLineMagic.class)
        .extensionIndex(EchoLineMagic.class)
        .buildJar(plugins, "kindling-future-1.0.jar");
    PluginJarBuilder.plugin("kindling-exact").requires("99.1.0").buildJar(plugins);

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems())
          .containsExactly(
              new PluginProblem(
                  "kindling-exact",
                  "kindling-exact-1.0.0.jar requires plugin API >=99.1.0 but this kernel provides "
                      + api()),
              new PluginProblem(
                  "kindling-future",
                  "kindling-future-1.0.jar requires plugin API >=99.0.0 but this kernel provides "
                      + api()));
      assertThat(host.pluginIds()).containsExactly("kindling-test");
      assertThat(host.lineMagics()).hasSize(1);
    }
  }

  @Test
  void skipsDamagedArchives() throws IOException {
    testPlugin().buildJar(plugins);
    Files.writeString(plugins.resolve("broken.zip"), "this is not a zip");
    byte[] realJar =
        Files.readAllBytes(
            testPlugin().buildJar(Files.createTempDirectory(plugins.getParent(), "x")));
    Files.write(plugins.resolve("truncated.jar"), Arrays.copyOf(realJar, realJar.length / 2));

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems()).hasSize(2);
      assertThat(host.problems().get(0).plugin()).isEqualTo("broken.zip");
      assertThat(host.problems().get(0).message())
          .startsWith("broken.zip is not a readable zip file (");
      assertThat(host.problems().get(1).plugin()).isEqualTo("truncated.jar");
      assertThat(host.problems().get(1).message())
          .startsWith("truncated.jar is not a readable jar file (");
      assertThat(host.pluginIds()).containsExactly("kindling-test");
    }
  }

  @Test
  void skipsAJarWithoutDescriptor() {
    testPlugin().buildJar(plugins);
    PluginJarBuilder.withoutDescriptor()
        .classes(EchoLineMagic.class)
        .extensionIndex(EchoLineMagic.class)
        .buildJar(plugins, "no-descriptor.jar");

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.plugin()).isEqualTo("no-descriptor.jar");
                assertThat(problem.message())
                    .startsWith("no-descriptor.jar has no plugin descriptor: ")
                    .contains("Plugin-Id");
              });
      assertThat(host.pluginIds()).containsExactly("kindling-test");
    }
  }

  @Test
  void skipsAPluginWithAnIncompleteOrInvalidDescriptor() {
    testPlugin().buildJar(plugins);
    PluginJarBuilder.plugin("kindling-unversioned").version(null).buildJar(plugins, "a.jar");
    PluginJarBuilder.plugin("kindling-garbled").requires("soon-ish").buildJar(plugins, "b.jar");

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems()).hasSize(2);
      assertThat(host.problems().get(0))
          .isEqualTo(new PluginProblem("kindling-unversioned", "a.jar has no Plugin-Version"));
      assertThat(host.problems().get(1).plugin()).isEqualTo("kindling-garbled");
      assertThat(host.problems().get(1).message())
          .startsWith("b.jar has an invalid Plugin-Requires 'soon-ish' (");
      assertThat(host.pluginIds()).containsExactly("kindling-test");
    }
  }

  @Test
  void skipsAPluginWhoseIndexNamesAClassItDoesNotHave() {
    testPlugin().buildJar(plugins);
    PluginJarBuilder.plugin("kindling-missing")
        .classes(UpperCellMagic.class)
        .extensionIndex(UpperCellMagic.class.getName(), "dev.kindling.kernel.plugin.NoSuchMagic")
        .buildJar(plugins);
    // On the kernel's class path, but not in the plugin: still missing.
    PluginJarBuilder.plugin("kindling-borrowing")
        .extensionIndex(EchoLineMagic.class)
        .buildJar(plugins);

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems())
          .containsExactly(
              new PluginProblem(
                  "kindling-borrowing",
                  "kindling-borrowing-1.0.0.jar lists dev.kindling.kernel.testplugin.EchoLineMagic in"
                      + " META-INF/extensions.idx, but the plugin has no such class"),
              new PluginProblem(
                  "kindling-missing",
                  "kindling-missing-1.0.0.jar lists dev.kindling.kernel.plugin.NoSuchMagic in"
                      + " META-INF/extensions.idx, but the plugin has no such class"));
      assertThat(host.pluginIds()).containsExactly("kindling-test");
      assertThat(host.cellMagics()).as("nothing from a skipped plugin").hasSize(1);
      assertThat(host.lineMagics()).hasSize(1);
    }
  }

  @Test
  void skipsAPluginWhoseExtensionCannotBeCreated() {
    testPlugin().buildJar(plugins);
    PluginJarBuilder.plugin("kindling-throwing")
        .classes(ThrowingLineMagic.class, UpperCellMagic.class)
        .extensionIndex(ThrowingLineMagic.class, UpperCellMagic.class)
        .buildJar(plugins);

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems())
          .containsExactly(
              new PluginProblem(
                  "kindling-throwing",
                  "kindling-throwing-1.0.0.jar cannot create extension "
                      + ThrowingLineMagic.class.getName()
                      + ": IllegalStateException: no magic today"));
      assertThat(host.pluginIds()).containsExactly("kindling-test");
      assertThat(host.cellMagics()).hasSize(1);
    }
  }

  @Test
  void skipsAPluginWhosePluginClassFails() {
    testPlugin().buildJar(plugins);
    PluginJarBuilder.plugin("kindling-failing")
        .pluginClass(FailingStartPlugin.class)
        .classes(FailingStartPlugin.class)
        .buildJar(plugins);
    PluginJarBuilder.plugin("kindling-classless")
        .manifestEntry("Plugin-Class", "dev.kindling.kernel.plugin.NoSuchPlugin")
        .buildJar(plugins);

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems())
          .extracting(PluginProblem::message)
          .containsExactlyInAnyOrder(
              "kindling-failing-1.0.0.jar failed to start: IllegalStateException: cannot start",
              "kindling-classless-1.0.0.jar has Plugin-Class dev.kindling.kernel.plugin.NoSuchPlugin,"
                  + " but it cannot be loaded: ClassNotFoundException:"
                  + " dev.kindling.kernel.plugin.NoSuchPlugin");
      assertThat(host.pluginIds()).containsExactly("kindling-test");
    }
  }

  @Test
  void skipsASecondPluginWithTheSameId() {
    testPlugin().buildJar(plugins, "a-first.jar");
    testPlugin().buildJar(plugins, "b-second.jar");

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems())
          .containsExactly(
              new PluginProblem(
                  "kindling-test",
                  "b-second.jar has plugin id 'kindling-test', which a-first.jar already uses"));
      assertThat(host.pluginIds()).containsExactly("kindling-test");
      assertThat(host.interpreterFactories()).hasSize(1);
    }
  }

  @Test
  void checksPluginDependencies() {
    testPlugin().buildJar(plugins);
    PluginJarBuilder.plugin("kindling-dependent")
        .dependencies("kindling-test@>=1.0.0")
        .buildJar(plugins);
    PluginJarBuilder.plugin("kindling-needy").dependencies("kindling-absent").buildJar(plugins);
    PluginJarBuilder.plugin("kindling-picky")
        .dependencies("kindling-test@>=2.0.0")
        .buildJar(plugins);
    PluginJarBuilder.plugin("kindling-throwing")
        .classes(ThrowingLineMagic.class)
        .extensionIndex(ThrowingLineMagic.class)
        .buildJar(plugins);
    PluginJarBuilder.plugin("kindling-victim").dependencies("kindling-throwing").buildJar(plugins);

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems())
          .extracting(PluginProblem::message)
          .containsExactlyInAnyOrder(
              "kindling-needy-1.0.0.jar needs plugin 'kindling-absent' (Plugin-Dependencies),"
                  + " which is not loaded",
              "kindling-picky-1.0.0.jar needs plugin 'kindling-test' >=2.0.0"
                  + " (Plugin-Dependencies), but version 1.0.0 is loaded",
              "kindling-throwing-1.0.0.jar cannot create extension "
                  + ThrowingLineMagic.class.getName()
                  + ": IllegalStateException: no magic today",
              "kindling-victim-1.0.0.jar needs plugin 'kindling-throwing' (Plugin-Dependencies),"
                  + " which is not loaded");
      assertThat(host.pluginIds()).containsExactly("kindling-dependent", "kindling-test");
    }
  }

  @Test
  void aMissingPluginsDirectoryMeansNoPlugins() throws IOException {
    Path file = Files.writeString(plugins.resolve("not-a-directory"), "");

    for (Path directory : List.of(plugins.resolve("missing"), file)) {
      try (PluginHost host = PluginHost.start(directory)) {
        assertThat(host.pluginIds()).isEmpty();
        assertThat(host.problems()).isEmpty();
        assertThat(host.interpreterFactories()).isEmpty();
      }
    }
  }

  @Test
  void ignoresFilesThatAreNotJarsOrZips() throws IOException {
    testPlugin().buildJar(plugins);
    Files.writeString(plugins.resolve("README.txt"), "plugins go here");
    Files.createDirectories(plugins.resolve("some-directory"));
    testPlugin().buildJar(plugins, ".hidden.jar");

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems()).isEmpty();
      assertThat(host.pluginIds()).containsExactly("kindling-test");
    }
  }

  @Test
  void neverPicksUpExtensionsFromTheKernelsClassPath() throws IOException {
    // The test class path has an extensions.idx listing the test plugin's classes (written by the
    // annotation processor): PF4J would call those "system" extensions.
    List<URL> classPathIndexes =
        Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"));
    assertThat(classPathIndexes).isNotEmpty();
    PluginJarBuilder.plugin("kindling-no-index")
        .packageClasses("dev.kindling.kernel.testplugin")
        .buildJar(plugins);

    try (PluginHost host = start(plugins)) {
      assertThat(host.problems()).isEmpty();
      assertThat(host.pluginIds()).containsExactly("kindling-no-index");
      assertThat(host.interpreterFactories()).isEmpty();
      assertThat(host.lineMagics()).isEmpty();
      assertThat(host.cellMagics()).isEmpty();
      assertThat(host.commTargets()).isEmpty();
      assertThat(host.displayRenderers()).isEmpty();
    }
    try (PluginHost empty = PluginHost.start(Files.createDirectories(plugins.resolve("empty")))) {
      assertThat(empty.interpreterFactories()).isEmpty();
      assertThat(empty.lineMagics()).isEmpty();
    }
  }

  @Test
  void closeStopsThePluginsAndKeepsTheSharedCache() throws IOException {
    testPlugin().buildZip(plugins);
    PluginHost host = start(plugins);
    PluginClassLoader loader =
        (PluginClassLoader) host.interpreterFactories().get(0).getClass().getClassLoader();
    List<Path> classPath = classPath(host);
    assertThat(classPath).isNotEmpty().allSatisfy(path -> assertThat(path).startsWith(cache));

    host.close();
    host.close(); // a second close does nothing

    assertThat(loader.isClosed()).isTrue();
    assertThat(classPath).allSatisfy(path -> assertThat(path).exists());
  }

  @Test
  void laterKernelsReuseTheUnpackedZipAndAReplacedZipIsUnpackedAgain() throws Exception {
    Path zip = testPlugin().buildZip(plugins);
    List<Path> first;
    try (PluginHost host = start(plugins)) {
      first = classPath(host);
    }
    Path entry = cache.resolve(PluginCache.entryName(zip));
    assertThat(first).allSatisfy(path -> assertThat(path).startsWith(entry));
    Path marker = Files.writeString(entry.resolve("marker"), "still the first unpacking");

    try (PluginHost host = start(plugins)) {
      assertThat(classPath(host)).isEqualTo(first);
      assertThat(marker).exists();
    }

    Files.setLastModifiedTime(
        zip, FileTime.fromMillis(Files.getLastModifiedTime(zip).toMillis() + 60_000));
    try (PluginHost host = start(plugins)) {
      assertThat(host.problems()).isEmpty();
      assertThat(classPath(host))
          .isNotEmpty()
          .allSatisfy(
              path -> assertThat(path.startsWith(cache) && !path.startsWith(entry)).isTrue());
      assertTestPluginExtensions(host);
    }
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries.filter(Files::isDirectory))
          .as("no staging directory left behind")
          .hasSize(2);
    }
  }

  @Test
  void anUnwritableCacheFallsBackToUnpackingForThisKernelAlone() throws Exception {
    testPlugin().buildZip(plugins);
    Path notADirectory = Files.writeString(cache.resolve("file"), "in the way");
    PluginHost host = PluginHost.start(plugins, Optional.of(notADirectory.resolve("plugins")));
    List<Path> classPath = classPath(host);
    assertThat(host.problems()).isEmpty();
    assertTestPluginExtensions(host);
    assertThat(classPath)
        .isNotEmpty()
        .allSatisfy(path -> assertThat(path.startsWith(cache)).as(path.toString()).isFalse());

    host.close();

    assertThat(classPath).allSatisfy(path -> assertThat(path).doesNotExist());
  }

  private static List<Path> classPath(PluginHost host) {
    ClassLoader loader = host.interpreterFactories().get(0).getClass().getClassLoader();
    return Stream.of(((URLClassLoader) loader).getURLs()).map(PluginHostTest::toPath).toList();
  }

  private static Path toPath(URL url) {
    try {
      return Path.of(url.toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
