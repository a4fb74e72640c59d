package dev.kindling.magics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.LanguageInfo;
import dev.kindling.kernel.plugin.FakeKernelContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeMagicTest {

  /** Records the code it runs and answers with a value. */
  private static final class RecordingInterpreter implements Interpreter {
    final List<String> ran = new ArrayList<>();

    @Override
    public LanguageInfo languageInfo() {
      return new LanguageInfo("test", "1", "text/plain", ".txt", "text", "text");
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
      ran.add(request.code());
      return ExecutionResult.value("result of " + request.code());
    }
  }

  @Test
  void runsTheBodyInTheDefaultLanguageAndPrintsTheWallTime() throws Exception {
    RecordingInterpreter interpreter = new RecordingInterpreter();
    FakeKernelContext context = new FakeKernelContext().withInterpreter("test", interpreter);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    ExecutionResult result;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      result =
          new TimeMagic()
              .run(
                  "",
                  "1 + 1",
                  new ExecutionRequest("%%time\n1 + 1", 7, false, true, false),
                  context);
    } finally {
      System.setOut(original);
    }
    assertThat(interpreter.ran).containsExactly("1 + 1");
    assertThat(result).isEqualTo(ExecutionResult.value("result of 1 + 1"));
    assertThat(out.toString(StandardCharsets.UTF_8)).matches("Wall time: [0-9.]+ (s|ms|µs|ns)\\R");
  }
}
