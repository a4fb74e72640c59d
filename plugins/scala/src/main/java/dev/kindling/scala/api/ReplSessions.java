package dev.kindling.scala.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a REPL finds its {@code kernel} value: the interpreter registers it under a session id, and
 * the REPL's preamble looks it up ({@code val kernel = ReplSessions.kernel("...")}), which costs
 * one compilation instead of the three of {@code IMain.bind}.
 */
public final class ReplSessions {

  private static final Map<String, ScalaKernel> KERNELS = new ConcurrentHashMap<>();

  private ReplSessions() {}

  /** Makes {@code kernel} available to the REPL of session {@code id}. */
  public static void register(String id, ScalaKernel kernel) {
    KERNELS.put(id, kernel);
  }

  /** Forgets session {@code id} when its interpreter closes. */
  public static void unregister(String id) {
    KERNELS.remove(id);
  }

  /** The kernel value of session {@code id}. */
  public static ScalaKernel kernel(String id) {
    return Optional.ofNullable(KERNELS.get(id))
        .orElseThrow(() -> new IllegalStateException("no Scala session " + id));
  }
}
