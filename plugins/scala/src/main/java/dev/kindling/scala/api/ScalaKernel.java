package dev.kindling.scala.api;

import dev.kindling.api.KernelContext;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code kernel} value bound in every Scala cell. Thread-safe; it stays usable from threads a
 * cell starts.
 */
public final class ScalaKernel {

  private final KernelContext context;
  private final JarLoader jars;
  private final KernelDisplay display;
  private final KernelComms comms;
  private final KernelMagics magics;
  private final KernelInputStream in;

  public ScalaKernel(KernelContext context, JarLoader jars) {
    this.context = context;
    this.jars = jars;
    this.display = new KernelDisplay(context.display());
    this.comms = new KernelComms(context.comms());
    this.magics = new KernelMagics(context);
    this.in = new KernelInputStream(context.stdin());
  }

  /** Rich output: {@code kernel.display.html("<b>hi</b>")}. */
  public KernelDisplay display() {
    return display;
  }

  /** The running cell's standard output. */
  public PrintStream out() {
    return System.out;
  }

  /** The running cell's standard error. */
  public PrintStream err() {
    return System.err;
  }

  /** Input typed by the user in the front end, one line per request. */
  public InputStream in() {
    return in;
  }

  /** Asks the user for a line. */
  public String readLine(String prompt) throws InterruptedException {
    return context.stdin().readLine(prompt, false);
  }

  /** Asks the user for a password (not echoed). */
  public String readPassword(String prompt) throws InterruptedException {
    return context.stdin().readLine(prompt, true);
  }

  /** Comms: {@code kernel.comm.register("target").addMsgHandler(...)}. */
  public KernelComms comm() {
    return comms;
  }

  /** Magics by name: {@code kernel.magics.lsmagic()}. */
  public KernelMagics magics() {
    return magics;
  }

  /** The map every interpreter in the kernel shares. */
  public ConcurrentMap<String, Object> data() {
    return context.data();
  }

  /**
   * Adds local jars (paths or {@code file:} URIs) to the REPL's class path and to the executors'.
   */
  public void addJars(String... locations) {
    jars.addJars(List.of(locations));
  }

  /** The kernel's SparkSession, starting Spark if needed; what {@code spark} is bound to. */
  public SparkSession sparkSession() {
    SparkSession session = context.spark().session();
    jars.sparkStarted(session);
    return session;
  }

  /** Everything the kernel offers to plugins. */
  public KernelContext context() {
    return context;
  }

  @Override
  public String toString() {
    return "kernel (Kindling " + context.kernelVersion() + ")";
  }

  /** How {@link #addJars} reaches the REPL and Spark. */
  public interface JarLoader {
    void addJars(List<String> locations);

    /** Called when a cell first uses Spark, to hand Spark the jars added before it started. */
    void sparkStarted(SparkSession session);
  }
}
