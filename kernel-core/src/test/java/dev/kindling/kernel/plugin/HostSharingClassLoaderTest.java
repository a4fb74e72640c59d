package dev.kindling.kernel.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.kernel.testplugin.EchoLineMagic;
import dev.kindling.kernel.testplugin.TestPoint;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.Plugin;
import org.pf4j.PluginDescriptor;

class HostSharingClassLoaderTest {

  private static final String TEST_PLUGIN_PACKAGE = "dev.kindling.kernel.testplugin.";
  private static final ClassLoader KERNEL = HostSharingClassLoaderTest.class.getClassLoader();

  @TempDir Path directory;
  private KindlingPluginManager pluginManager;
  private Path pluginJar;
  private final List<HostSharingClassLoader> loaders = new ArrayList<>();

  @BeforeEach
  void buildPluginJar() {
    pluginManager = new KindlingPluginManager(directory, "0.1.0");
    pluginJar =
        PluginJarBuilder.plugin("p")
            .packageClasses("dev.kindling.kernel.testplugin")
            .classes(FakeComm.class)
            .buildJar(directory);
  }

  @AfterEach
  void closeLoaders() throws IOException {
    for (HostSharingClassLoader loader : loaders) {
      loader.close();
    }
  }

  private HostSharingClassLoader loader(ClassLoader kernel, List<String> sharedPackages) {
    PluginDescriptor descriptor =
        new DefaultPluginDescriptor("p", "", Plugin.class.getName(), "1.0.0", "*", "", "");
    HostSharingClassLoader loader =
        new HostSharingClassLoader(
            pluginManager, descriptor, kernel, new SharedPackages(sharedPackages));
    loader.addFile(pluginJar.toFile());
    loaders.add(loader);
    return loader;
  }

  @Test
  void aSharedPackageComesFromTheKernelThoughThePluginHasACopy() throws Exception {
    ClassLoader plugin = loader(KERNEL, List.of(TEST_PLUGIN_PACKAGE));

    assertThat(plugin.loadClass(TestPoint.class.getName())).isSameAs(TestPoint.class);
  }

  @Test
  void aSharedPackageClassTheKernelLacksComesFromThePlugin() throws Exception {
    ClassLoader plugin =
        loader(new Hiding(KERNEL, TEST_PLUGIN_PACKAGE), List.of(TEST_PLUGIN_PACKAGE));

    Class<?> point = plugin.loadClass(TestPoint.class.getName());
    assertThat(point).isNotSameAs(TestPoint.class);
    assertThat(point.getClassLoader()).isSameAs(plugin);
    assertThat(plugin.loadClass(TestPoint.class.getName())).isSameAs(point);
  }

  @Test
  void aSharedPackageClassNeitherHasIsNotFound() {
    ClassLoader plugin = loader(KERNEL, List.of(TEST_PLUGIN_PACKAGE));

    assertThatThrownBy(() -> plugin.loadClass(TEST_PLUGIN_PACKAGE + "Nowhere"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void otherClassesArePluginFirstThenKernel() throws Exception {
    ClassLoader plugin = loader(KERNEL, List.of("dev.kindling.api."));

    Class<?> bundled = plugin.loadClass(EchoLineMagic.class.getName());
    assertThat(bundled).isNotSameAs(EchoLineMagic.class);
    assertThat(bundled.getClassLoader()).isSameAs(plugin);
    assertThat(plugin.loadClass(PluginJarBuilder.class.getName()))
        .as("not bundled: the kernel's")
        .isSameAs(PluginJarBuilder.class);
    assertThat(plugin.loadClass("dev.kindling.api.LineMagic"))
        .isSameAs(dev.kindling.api.LineMagic.class);
  }

  @Test
  void theExtensionIndexIsThePluginsOwnOnly() throws IOException {
    // The kernel's test class path has one (listing the test plugin's classes); this plugin has
    // none.
    assertThat(KERNEL.getResource("META-INF/extensions.idx")).isNotNull();
    ClassLoader plugin = loader(KERNEL, List.of());

    assertThat(plugin.getResource("META-INF/extensions.idx")).isNull();
    assertThat(Collections.list(plugin.getResources("META-INF/extensions.idx"))).isEmpty();
  }

  @Test
  void sharedResourcesComeFromTheKernel() {
    ClassLoader plugin = loader(KERNEL, List.of(TEST_PLUGIN_PACKAGE));
    String resource = TestPoint.class.getName().replace('.', '/') + ".class";

    assertThat(plugin.getResource(resource)).isEqualTo(KERNEL.getResource(resource));
    URL fromPlugin =
        loader(new Hiding(KERNEL, TEST_PLUGIN_PACKAGE), List.of(TEST_PLUGIN_PACKAGE))
            .getResource(resource);
    assertThat(fromPlugin.toString()).contains(pluginJar.getFileName().toString());
  }

  @Test
  void aSubPackageLeftToPluginsComesFromThePluginThoughTheKernelHasIt() throws Exception {
    PluginDescriptor descriptor =
        new DefaultPluginDescriptor("p", "", Plugin.class.getName(), "1.0.0", "*", "", "");
    HostSharingClassLoader plugin =
        new HostSharingClassLoader(
            pluginManager,
            descriptor,
            KERNEL,
            new SharedPackages(List.of("dev.kindling."), List.of(TEST_PLUGIN_PACKAGE)));
    plugin.addFile(pluginJar.toFile());
    loaders.add(plugin);

    Class<?> point = plugin.loadClass(TestPoint.class.getName());
    assertThat(point).isNotSameAs(TestPoint.class);
    assertThat(point.getClassLoader()).isSameAs(plugin);
    assertThat(plugin.loadClass(PluginJarBuilder.class.getName()))
        .as("the rest of the shared package: the kernel's")
        .isSameAs(PluginJarBuilder.class);
    String resource = TestPoint.class.getName().replace('.', '/') + ".class";
    assertThat(plugin.getResource(resource).toString())
        .contains(pluginJar.getFileName().toString());
  }

  @Test
  void theScalaCompilerIsLeftToPluginsButTheScalaLibraryIsShared() {
    assertThat(SharedPackages.KERNEL.containsClass("scala.collection.immutable.List")).isTrue();
    assertThat(SharedPackages.KERNEL.containsClass("scala.reflect.internal.Symbols")).isTrue();
    assertThat(SharedPackages.KERNEL.containsClass("scala.tools.nsc.interpreter.IMain")).isFalse();
    assertThat(SharedPackages.KERNEL.containsResource("scala/tools/nsc/Global.class")).isFalse();
    assertThat(SharedPackages.KERNEL.containsResource("scala/Function1.class")).isTrue();
  }

  @Test
  void sharedPackagePrefixesMustEndWithADot() {
    assertThatThrownBy(() -> new SharedPackages(List.of("org.slf4j")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SharedPackages.KERNEL.containsClass("org.apache.spark.sql.SparkSession")).isTrue();
    assertThat(SharedPackages.KERNEL.containsClass("scala.Function1")).isTrue();
    assertThat(SharedPackages.KERNEL.containsClass("com.fasterxml.jackson.databind.ObjectMapper"))
        .isFalse();
    assertThat(SharedPackages.KERNEL.containsResource("dev/kindling/api/plugin-api.properties"))
        .isTrue();
  }

  /** A kernel class loader that lacks one package, like a kernel without the Scala compiler. */
  private static final class Hiding extends ClassLoader {
    private final String hiddenPackage;

    Hiding(ClassLoader parent, String hiddenPackage) {
      super(parent);
      this.hiddenPackage = hiddenPackage;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(hiddenPackage)) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      return name.startsWith(hiddenPackage.replace('.', '/')) ? null : super.getResource(name);
    }
  }
}
