package dev.kindling.scala.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How REPL code reaches its {@code kernel}: every session's preamble has {@code import
 * dev.kindling.scala.api.ReplSessions.kernel}, a static method. Being static, it appears in no
 * signature of the REPL's wrapper classes, which executors deserialise (Java serialisation resolves
 * every type in a class's field and method signatures, and executors cannot load plugin classes).
 *
 * <p>A session is found by the REPL class loader that is the calling thread's context loader (or
 * one of its parents), which IMain sets while a cell runs and threads a cell starts inherit; else
 * it is the latest session started, the only one in a kernel.
 */
public final class ReplSessions {

  private static final Map<ClassLoader, ScalaKernel> BY_LOADER = new ConcurrentHashMap<>();
  private static volatile ScalaKernel latest;

  private ReplSessions() {}

  /** The {@code kernel} of the REPL whose code calls this. */
  public static ScalaKernel kernel() {
    for (ClassLoader loader = Thread.currentThread().getContextClassLoader();
        loader != null;
        loader = loader.getParent()) {
      ScalaKernel kernel = BY_LOADER.get(loader);
      if (kernel != null) {
        return kernel;
      }
    }
    ScalaKernel fallback = latest;
    if (fallback == null) {
      throw new IllegalStateException("no Scala session is running");
    }
    return fallback;
  }

  /** Makes {@code kernel} the one of the REPL whose classes {@code replLoader} loads. */
  public static void register(ClassLoader replLoader, ScalaKernel kernel) {
    BY_LOADER.put(replLoader, kernel);
    latest = kernel;
  }

  /** Forgets a session when its interpreter closes. */
  public static void unregister(ClassLoader replLoader) {
    ScalaKernel removed = BY_LOADER.remove(replLoader);
    if (removed != null && removed == latest) {
      latest = BY_LOADER.values().stream().findAny().orElse(null);
    }
  }
}
