package dev.kindling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddedJarsClassLoaderTest {

  @TempDir Path dir;

  /** A jar holding the compiled {@code added.Named}, whose {@code name()} returns {@code name}. */
  private Path jarWithNamed(String name) throws IOException {
    Path source = dir.resolve("src/added/Named.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package added; public final class Named {"
            + " public static String name() { return \""
            + name
            + "\"; } }");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), source.toString());
    assertThat(status).isZero();
    Path jar = dir.resolve(name + ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      jarOut.putNextEntry(new JarEntry("added/Named.class"));
      jarOut.write(Files.readAllBytes(classes.resolve("added/Named.class")));
      jarOut.closeEntry();
      jarOut.putNextEntry(new JarEntry("added/note.txt"));
      jarOut.write(name.getBytes(StandardCharsets.UTF_8));
      jarOut.closeEntry();
    }
    return jar;
  }

  @Test
  void classesOfAJarLoadOnceItIsAdded() throws Exception {
    Path jar = jarWithNamed("from-the-jar");
    try (AddedJarsClassLoader loader =
        new AddedJarsClassLoader("test-jars", getClass().getClassLoader())) {
      assertThatThrownBy(() -> Class.forName("added.Named", true, loader))
          .isInstanceOf(ClassNotFoundException.class);
      loader.addJars(List.of(jar));
      Class<?> named = Class.forName("added.Named", true, loader);
      assertThat(named.getMethod("name").invoke(null)).isEqualTo("from-the-jar");
      assertThat(named.getClassLoader()).isSameAs(loader);
      assertThat(loader.getResource("added/note.txt")).isNotNull();
    }
  }

  @Test
  void theParentsClassesComeFromTheParent() throws Exception {
    try (AddedJarsClassLoader loader =
        new AddedJarsClassLoader("test-jars", getClass().getClassLoader())) {
      loader.addJars(List.of(jarWithNamed("unused")));
      assertThat(Class.forName(MimeBundle.class.getName(), true, loader))
          .isSameAs(MimeBundle.class);
      assertThat(loader.getName()).isEqualTo("test-jars");
    }
  }
}
