package dev.kindling.kernel.context;

import dev.kindling.api.ClasspathExtensible;
import dev.kindling.api.Interpreter;
import dev.kindling.api.KernelClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's {@link KernelClasspath}: remembers every jar added, hands new jars to the started
 * {@link ClasspathExtensible} interpreters and to the running SparkContext, and all of them to
 * interpreters created later ({@link #interpreterCreated}) and to every session that starts ({@link
 * #sessionStarted}), including one that replaces a stopped session.
 */
public final class KernelClasspathService implements KernelClasspath {

  private static final Logger log = LoggerFactory.getLogger(KernelClasspathService.class);

  private final Supplier<List<Interpreter>> startedInterpreters;
  private final LinkedHashSet<Path> jars = new LinkedHashSet<>();
  private SparkContext spark;

  /**
   * @param startedInterpreters the interpreters created so far
   */
  public KernelClasspathService(Supplier<List<Interpreter>> startedInterpreters) {
    this.startedInterpreters = startedInterpreters;
  }

  @Override
  public void addJars(List<Path> requested) throws Exception {
    List<Path> checked = new ArrayList<>();
    for (Path jar : requested) {
      Path absolute = jar.toAbsolutePath().normalize();
      if (!Files.isRegularFile(absolute) || !Files.isReadable(absolute)) {
        throw new IllegalArgumentException("not a readable jar file: " + absolute);
      }
      checked.add(absolute);
    }
    // Taken before this service's lock: the registry calls interpreterCreated under its own lock.
    List<Interpreter> interpreters = startedInterpreters.get();
    synchronized (this) {
      List<Path> fresh = checked.stream().distinct().filter(jar -> !jars.contains(jar)).toList();
      if (fresh.isEmpty()) {
        return;
      }
      for (Interpreter interpreter : interpreters) {
        if (interpreter instanceof ClasspathExtensible extensible) {
          extensible.addJars(fresh);
        }
      }
      jars.addAll(fresh);
      if (spark != null && !spark.isStopped()) {
        fresh.forEach(this::addToSpark);
      }
    }
  }

  @Override
  public synchronized List<Path> jars() {
    return List.copyOf(jars);
  }

  /** Gives a newly created interpreter every jar added so far. */
  public void interpreterCreated(Interpreter interpreter) {
    if (!(interpreter instanceof ClasspathExtensible extensible)) {
      return;
    }
    List<Path> added = jars();
    if (added.isEmpty()) {
      return;
    }
    try {
      extensible.addJars(added);
    } catch (Exception e) {
      log.warn("Could not add the kernel's jars {} to a new interpreter", added, e);
    }
  }

  /** Gives a session that just started every jar added so far. */
  public synchronized void sessionStarted(SparkSession session) {
    spark = session.sparkContext();
    jars.forEach(this::addToSpark);
  }

  private void addToSpark(Path jar) {
    spark.addJar(jar.toString());
    log.info("Added {} to Spark's executors", jar);
  }
}
