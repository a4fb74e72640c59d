package dev.kindling.kernel.inprocess;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LanguageInfo;
import dev.kindling.api.MimeBundle;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A tiny interpreter for in-process kernel tests: {@code out TEXT}, {@code err TEXT}, {@code value
 * TEXT}, {@code show TEXT} (display_data), {@code fail TEXT}, {@code gate} (waits until the test
 * opens {@link #gate}), {@code input PROMPT}.
 */
final class ScriptInterpreterFactory implements InterpreterFactory {

  static final LanguageInfo LANGUAGE =
      new LanguageInfo("script", "1.0", "text/x-script", ".script", null, null);

  /** Cells running {@code gate} wait for this. */
  volatile CountDownLatch gate = new CountDownLatch(1);

  @Override
  public String name() {
    return "script";
  }

  @Override
  public LanguageInfo languageInfo() {
    return LANGUAGE;
  }

  @Override
  public Interpreter create(KernelContext context) {
    return new Interpreter() {
      @Override
      public LanguageInfo languageInfo() {
        return LANGUAGE;
      }

      @Override
      public ExecutionResult execute(ExecutionRequest request) throws Exception {
        ExecutionResult result = ExecutionResult.empty();
        for (String line : request.code().split("\n")) {
          String[] parts = line.strip().split(" ", 2);
          String arg = parts.length > 1 ? parts[1] : "";
          switch (parts[0]) {
            case "" -> {}
            case "out" -> System.out.println(arg);
            case "err" -> System.err.println(arg);
            case "value" -> result = ExecutionResult.value(arg);
            case "show" -> context.display().display(MimeBundle.text(arg));
            case "fail" -> {
              return ExecutionResult.error("ScriptError", arg, List.of("ScriptError: " + arg));
            }
            case "gate" -> gate.await();
            case "input" -> System.out.println("got " + context.stdin().readLine(arg, false));
            default -> throw new IllegalArgumentException("unknown: " + parts[0]);
          }
        }
        return result;
      }
    };
  }
}
