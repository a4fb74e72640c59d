package dev.kindling.kernel.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.CellMagic;
import dev.kindling.api.CommTarget;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.LineMagic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The kindling-test plugin jar as the build packages it, for the end-to-end tests. */
class PackagedTestPluginIT {

  private static final Path DIRECTORY = Path.of("target", "test-plugins");
  private static final Path JAR = DIRECTORY.resolve("kindling-test-plugin.jar");

  @Test
  void isAPf4jPluginForThisPluginApi() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();

      assertThat(manifest.getValue("Plugin-Id")).isEqualTo("kindling-test");
      assertThat(manifest.getValue("Plugin-Version"))
          .matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
      assertThat(manifest.getValue("Plugin-Requires")).isEqualTo(">=0.1.0");
    }
  }

  @Test
  void holdsOnlyTheTestPluginAndItsExtensionIndex() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> files =
          jar.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).toList();
      assertThat(files)
          .contains("dev/kindling/kernel/testplugin/TestInterpreter.class")
          .allMatch(
              name ->
                  name.startsWith("dev/kindling/kernel/testplugin/")
                      || name.equals("META-INF/MANIFEST.MF")
                      || name.equals("META-INF/extensions.idx"))
          .noneMatch(name -> name.endsWith("Test.class") || name.endsWith("IT.class"));

      try (InputStream index = jar.getInputStream(jar.getEntry("META-INF/extensions.idx"))) {
        List<String> entries =
            new String(index.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .distinct() // a class is listed once per extension point it implements
                .toList();
        assertThat(entries)
            .containsExactlyInAnyOrder(
                "dev.kindling.kernel.testplugin.TestInterpreterFactory",
                "dev.kindling.kernel.testplugin.EchoLineMagic",
                "dev.kindling.kernel.testplugin.UpperCellMagic",
                "dev.kindling.kernel.testplugin.EchoCommTarget",
                "dev.kindling.kernel.testplugin.RpcEchoCommTarget",
                "dev.kindling.kernel.testplugin.TestPointRenderer");
      }
    }
  }

  @Test
  void loadsInThePluginHostWithEveryKindOfExtension() throws IOException {
    try (var files = Files.list(DIRECTORY)) {
      assertThat(files).as("only the plugin in the e2e plugins directory").containsExactly(JAR);
    }
    try (PluginHost host = PluginHost.start(DIRECTORY)) {
      assertThat(host.problems()).isEmpty();
      assertThat(host.pluginIds()).containsExactly("kindling-test");
      assertThat(host.interpreterFactories())
          .extracting(InterpreterFactory::name)
          .containsExactly("test");
      assertThat(host.lineMagics()).extracting(LineMagic::name).containsExactly("echo");
      assertThat(host.cellMagics()).extracting(CellMagic::name).containsExactly("upper");
      assertThat(host.commTargets())
          .extracting(CommTarget::targetName)
          .containsExactlyInAnyOrder("echo", "rpc-echo");
      assertThat(host.displayRenderers()).hasSize(1);
      // the factory is also a Spark settings contributor: one object, not two
      assertThat(host.sparkSettingsContributors()).hasSize(1);
      assertThat(host.sparkSettingsContributors().get(0))
          .isSameAs(host.interpreterFactories().get(0));
    }
  }
}
