package dev.kindling.kernel.context;

import dev.kindling.api.CodeCompleteness;
import dev.kindling.api.Completion;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.LanguageInfo;
import dev.kindling.api.MimeBundle;
import java.util.Optional;

/**
 * An interpreter that marks itself running in its registry while {@link #execute} runs, and puts
 * back what was marked before when it ends. Closing it does nothing: the registry owns the
 * interpreter.
 */
final class TrackedInterpreter implements Interpreter {

  private final Interpreter delegate;
  private final InterpreterRegistry registry;

  TrackedInterpreter(Interpreter delegate, InterpreterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public LanguageInfo languageInfo() {
    return delegate.languageInfo();
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request) throws Exception {
    Interpreter previous = registry.markRunning(delegate);
    try {
      return delegate.execute(request);
    } finally {
      registry.restoreRunning(previous);
    }
  }

  @Override
  public Completion complete(String code, int cursor) {
    return delegate.complete(code, cursor);
  }

  @Override
  public Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
    return delegate.inspect(code, cursor, detailLevel);
  }

  @Override
  public CodeCompleteness isComplete(String code) {
    return delegate.isComplete(code);
  }

  @Override
  public boolean understandsMagics() {
    return delegate.understandsMagics();
  }

  @Override
  public void interrupt() {
    delegate.interrupt();
  }

  @Override
  public void close() {
    // the registry closes the interpreter when the kernel shuts down
  }
}
