package dev.kindling.scala;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.kernel.plugin.FakeKernelContext;
import dev.kindling.kernel.plugin.StandardStreamsCapture;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test fixture: one Scala interpreter over a FakeKernelContext and a real local Spark runtime,
 * shared by every integration test in the JVM (starting the compiler and Spark takes seconds).
 */
final class ScalaSession {

  /** A cell's result and what it printed. */
  record Run(ExecutionResult result, String out, String err) {
    Object value() {
      return ((ExecutionResult.Value) result).value();
    }

    String text() {
      return String.valueOf(((dev.kindling.api.MimeBundle) value()).data().get("text/plain"));
    }

    ExecutionResult.Error error() {
      return (ExecutionResult.Error) result;
    }
  }

  private static ScalaSession shared;

  final ScalaInterpreterFactory factory = new ScalaInterpreterFactory();
  final ContributedSparkRuntime spark = new ContributedSparkRuntime(factory);
  final FakeKernelContext context = new FakeKernelContext().withSpark(spark);

  /** Kernel settings the tests may change between cells. */
  final Map<String, String> settings = new ConcurrentHashMap<>();

  final ScalaInterpreter interpreter =
      (ScalaInterpreter) factory.create(new ConfiguredKernelContext(context, settings));
  private int count;

  static synchronized ScalaSession shared() {
    if (shared == null) {
      shared = new ScalaSession();
    }
    return shared;
  }

  synchronized Run run(String code) throws Exception {
    try (StandardStreamsCapture streams = StandardStreamsCapture.start()) {
      ExecutionResult result =
          interpreter.execute(new ExecutionRequest(code, ++count, false, true, true));
      return new Run(result, streams.out(), streams.err());
    }
  }
}
