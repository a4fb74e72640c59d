package dev.kindling.kernel.plugin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Test fixture: replaces {@code System.out} and {@code System.err} until closed, keeping what was
 * written (from any thread). Tests using it must not run in parallel with others that print.
 */
public final class StandardStreamsCapture implements AutoCloseable {

  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private StandardStreamsCapture() {
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  public static StandardStreamsCapture start() {
    return new StandardStreamsCapture();
  }

  /** What was written to {@code System.out} so far. */
  public String out() {
    System.out.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What was written to {@code System.err} so far. */
  public String err() {
    System.err.flush();
    return err.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }
}
