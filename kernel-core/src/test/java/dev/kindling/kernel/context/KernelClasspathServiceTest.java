package dev.kindling.kernel.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.ClasspathExtensible;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.LanguageInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelClasspathServiceTest {

  @TempDir Path dir;

  /** An interpreter that records the jars it is given, or refuses them. */
  static final class RecordingInterpreter implements Interpreter, ClasspathExtensible {
    final List<Path> jars = new ArrayList<>();
    boolean refuse;

    @Override
    public LanguageInfo languageInfo() {
      return new LanguageInfo("x", "1", "text/x", ".x", "x", "x");
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
      return ExecutionResult.empty();
    }

    @Override
    public void addJars(List<Path> added) {
      if (refuse) {
        throw new IllegalStateException("refused");
      }
      jars.addAll(added);
    }
  }

  @Test
  void jarsReachStartedInterpretersOnceAndLaterOnesOnCreation() throws Exception {
    Path a = Files.writeString(dir.resolve("a.jar"), "a");
    Path b = Files.writeString(dir.resolve("b.jar"), "b");
    RecordingInterpreter first = new RecordingInterpreter();
    List<Interpreter> started = new ArrayList<>(List.of(first));
    KernelClasspathService classpath = new KernelClasspathService(() -> List.copyOf(started));

    classpath.addJars(List.of(a));
    classpath.addJars(List.of(a, b));

    assertThat(first.jars).containsExactly(a, b);
    assertThat(classpath.jars()).containsExactly(a, b);
    RecordingInterpreter later = new RecordingInterpreter();
    classpath.interpreterCreated(later);
    assertThat(later.jars).containsExactly(a, b);
  }

  @Test
  void nothingIsAddedWhenAPathIsNotAFileOrAnInterpreterRefuses() throws Exception {
    Path a = Files.writeString(dir.resolve("a.jar"), "a");
    RecordingInterpreter refusing = new RecordingInterpreter();
    refusing.refuse = true;
    KernelClasspathService classpath = new KernelClasspathService(() -> List.of(refusing));

    assertThatThrownBy(() -> classpath.addJars(List.of(a, dir.resolve("missing.jar"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.jar");
    assertThatThrownBy(() -> classpath.addJars(List.of(a))).hasMessageContaining("refused");
    assertThat(classpath.jars()).isEmpty();
  }
}
