package dev.kindling.kernel.execution;

import dev.kindling.kernel.iopub.Iopub;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Sends {@code System.out} and {@code System.err} to the cells that write them. The streams the JVM
 * started with stay available for the kernel's own logging, which never reaches a cell.
 */
public final class OutputCapture {

  private final PrintStream originalOut;
  private final PrintStream originalErr;

  private OutputCapture(PrintStream originalOut, PrintStream originalErr) {
    this.originalOut = originalOut;
    this.originalErr = originalErr;
  }

  /** Replaces {@code System.out} and {@code System.err}; call once, after logging is set up. */
  public static OutputCapture install(CellScope scope, Iopub iopub) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(stream("stdout", scope, iopub, err));
    System.setErr(stream("stderr", scope, iopub, err));
    return new OutputCapture(out, err);
  }

  private static PrintStream stream(String name, CellScope scope, Iopub iopub, PrintStream log) {
    return new PrintStream(
        new CellOutputStream(name, scope, iopub, log), true, StandardCharsets.UTF_8);
  }

  /** Puts the original streams back. */
  public void uninstall() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }
}
