package dev.kindling.scala;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import scala.reflect.internal.Reporter;
import scala.reflect.internal.util.CodeAction;
import scala.reflect.internal.util.Position;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.shell.ReplReporterImpl;

/**
 * The REPL's reporter for one cell at a time: result echo ({@code val x: Int = 1}) is collected as
 * text, errors are collected with their position in the cell, warnings go to the cell's stderr.
 * Used only under {@link ScalaRepl}'s lock.
 */
final class CellReporter extends ReplReporterImpl {

  /** The file name IMain gives the user's code; positions there are lines of the cell. */
  private static final String USER_SOURCE = "<console>";

  private final StringWriter echo;
  private final List<CompilerMessage> errors = new ArrayList<>();
  private volatile PrintStream warnings = System.err;

  private CellReporter(Settings settings, StringWriter echo) {
    super(settings, new PrintWriter(echo, true));
    this.echo = echo;
  }

  static CellReporter create(Settings settings) {
    return new CellReporter(settings, new StringWriter());
  }

  /** Starts a new cell: forgets earlier echo and errors; warnings go to {@code stderr}. */
  void startCell(PrintStream stderr) {
    echo.getBuffer().setLength(0);
    errors.clear();
    warnings = stderr;
  }

  /** The echo printed since {@link #startCell}. */
  String echo() {
    return echo.toString();
  }

  /** The errors reported since {@link #startCell}. */
  List<CompilerMessage> errors() {
    return List.copyOf(errors);
  }

  @Override
  public void doReport(
      Position pos,
      String msg,
      Reporter.Severity severity,
      scala.collection.immutable.List<CodeAction> actions) {
    if (totalSilence()) {
      return;
    }
    CompilerMessage message = locate(pos, msg);
    switch (severity.id()) {
      case 2 -> errors.add(message);
      case 1 -> warnings.println("warning: " + message.located());
      default -> super.doReport(pos, msg, severity, actions);
    }
  }

  private static CompilerMessage locate(Position pos, String msg) {
    if (pos == null || !pos.isDefined() || !USER_SOURCE.equals(pos.source().file().name())) {
      return new CompilerMessage(msg, Optional.empty(), 0, "");
    }
    return new CompilerMessage(msg, Optional.of(pos.line()), pos.column(), pos.lineContent());
  }
}
