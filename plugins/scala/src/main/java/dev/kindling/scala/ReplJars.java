package dev.kindling.scala;

import dev.kindling.api.KernelClasspath;
import dev.kindling.api.KernelContext;
import dev.kindling.scala.api.ScalaKernel;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.SparkSession;

/**
 * {@code kernel.addJars}: local jars go on the kernel's class path ({@link KernelClasspath}: this
 * REPL, the other JVM interpreters, the executors). In a context without one they go on the REPL's
 * class path at once and on the executors' through {@code SparkContext.addJar}, now if Spark runs,
 * else when a cell first uses Spark.
 */
final class ReplJars implements ScalaKernel.JarLoader {

  private final KernelContext context;
  private final CompletableFuture<ScalaRepl> repl;
  private final List<String> notYetInSpark = new ArrayList<>();
  private SparkSession handedOut;

  ReplJars(KernelContext context, CompletableFuture<ScalaRepl> repl) {
    this.context = context;
    this.repl = repl;
  }

  @Override
  public void addJars(List<String> locations) {
    List<Path> jars = locations.stream().map(ReplJars::toLocalJar).toList();
    if (context.classpath() != KernelClasspath.unsupported()) {
      // The kernel's class path: this REPL, the other JVM interpreters and every session get them.
      try {
        context.classpath().addJars(jars);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      return;
    }
    repl.join().addJars(jars);
    synchronized (this) {
      jars.forEach(jar -> notYetInSpark.add(jar.toString()));
    }
    context.spark().activeSession().ifPresent(this::sparkStarted);
  }

  @Override
  public synchronized void sparkStarted(SparkSession session) {
    handedOut = session;
    notYetInSpark.forEach(jar -> session.sparkContext().addJar(jar));
    notYetInSpark.clear();
  }

  /**
   * True once when the session the REPL's {@code spark} got is no longer the kernel's (the kernel
   * restarted Spark); the REPL then binds {@code spark} again.
   */
  synchronized boolean sessionReplaced() {
    if (handedOut == null) {
      return false;
    }
    SparkSession current = context.spark().activeSession().orElse(null);
    if (current == null || current == handedOut) {
      return false;
    }
    handedOut = null;
    return true;
  }

  private static Path toLocalJar(String location) {
    Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("not a local jar file: " + location);
    }
    return path.toAbsolutePath();
  }
}
