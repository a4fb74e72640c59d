package dev.kindling.kernel.execution;

import dev.kindling.api.Display;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelContext;
import dev.kindling.api.Magic;
import dev.kindling.api.MagicUsageException;
import dev.kindling.kernel.context.InterpreterRegistry;
import dev.kindling.kernel.dispatch.ErrorContent;
import dev.kindling.kernel.magic.CellParser;
import dev.kindling.kernel.magic.NearestMagics;
import dev.kindling.kernel.magic.ParsedCell;
import java.util.List;

/**
 * Runs one cell: magics through their plugins, code through the default interpreter. Results of
 * steps before the last are shown as displays; the last step's result is the cell's result; the
 * first failure ends the cell. Never throws: every failure becomes an {@link
 * ExecutionResult.Error}.
 */
public final class CellRunner {

  private final CellParser parser;
  private final InterpreterRegistry interpreters;
  private final KernelContext context;

  public CellRunner(CellParser parser, InterpreterRegistry interpreters, KernelContext context) {
    this.parser = parser;
    this.interpreters = interpreters;
    this.context = context;
  }

  public ExecutionResult run(ExecutionRequest request) {
    try {
      ParsedCell parsed = parser.parse(request.code());
      if (parsed instanceof ParsedCell.CellMagicCall call) {
        return runMagic(
            call.magic(), () -> call.magic().run(call.arguments(), call.body(), request, context));
      }
      if (parsed instanceof ParsedCell.UnclaimedCellMagic unclaimed) {
        return runUnclaimed(unclaimed, request);
      }
      return runSegments(((ParsedCell.Segments) parsed).segments(), request);
    } catch (InterruptedException e) {
      return interrupted();
    } catch (Exception | LinkageError | StackOverflowError e) {
      return ErrorContent.fromException(e);
    }
  }

  private ExecutionResult runSegments(List<ParsedCell.Segment> segments, ExecutionRequest request)
      throws Exception {
    ExecutionResult result = ExecutionResult.empty();
    Display display = context.display();
    for (int i = 0; i < segments.size(); i++) {
      if (i > 0 && result instanceof ExecutionResult.Value value && !request.silent()) {
        display.display(value.value());
      }
      result = runSegment(segments.get(i), request);
      if (result instanceof ExecutionResult.Error) {
        return result;
      }
    }
    return result;
  }

  private ExecutionResult runSegment(ParsedCell.Segment segment, ExecutionRequest request)
      throws Exception {
    if (segment instanceof ParsedCell.LineMagicCall call) {
      return runMagic(call.magic(), () -> call.magic().run(call.arguments(), context));
    }
    if (segment instanceof ParsedCell.Help help) {
      return ExecutionResult.value(help.magic().usage());
    }
    return runCode(request.withCode(((ParsedCell.Code) segment).code()));
  }

  private ExecutionResult runUnclaimed(ParsedCell.UnclaimedCellMagic cell, ExecutionRequest request)
      throws Exception {
    boolean passOn;
    try {
      passOn = interpreters.defaultInterpreter().understandsMagics();
    } catch (IllegalStateException e) {
      passOn = true; // runCode reports why the interpreter is unavailable
    }
    if (passOn) {
      return runCode(request.withCode(cell.code()));
    }
    List<String> nearest = NearestMagics.to(cell.name(), context.magics());
    String message =
        "no cell magic named %%"
            + cell.name()
            + (nearest.isEmpty() ? "" : "; did you mean " + String.join(", ", nearest) + "?");
    return ExecutionResult.error(
        "UnknownMagic",
        message,
        List.of("UnknownMagic: " + message, "", "%lsmagic lists the magics this kernel has."));
  }

  private ExecutionResult runCode(ExecutionRequest request) throws Exception {
    Interpreter interpreter;
    try {
      interpreter = interpreters.defaultInterpreter();
    } catch (IllegalStateException e) {
      return ExecutionResult.error(
          "InterpreterUnavailable", e.getMessage(), List.of(e.getMessage()));
    }
    interpreters.markRunning(interpreter);
    try {
      return interpreter.execute(request);
    } finally {
      interpreters.markIdle();
    }
  }

  private interface MagicCall {
    ExecutionResult run() throws Exception;
  }

  private static ExecutionResult runMagic(Magic magic, MagicCall call) throws Exception {
    try {
      return call.run();
    } catch (MagicUsageException e) {
      String message = e.getMessage() == null ? "wrong arguments" : e.getMessage();
      return ExecutionResult.error(
          "UsageError",
          "%" + magic.name() + ": " + message,
          List.of("UsageError: %" + magic.name() + ": " + message, "", magic.usage()));
    }
  }

  private static ExecutionResult interrupted() {
    return ExecutionResult.error(
        "Interrupted",
        "the cell was interrupted",
        List.of("Interrupted: the cell was interrupted"));
  }

  /** Whether an error result came from an interrupt. */
  static boolean isInterrupt(ExecutionResult result) {
    return result instanceof ExecutionResult.Error e && e.name().equals("Interrupted");
  }
}
