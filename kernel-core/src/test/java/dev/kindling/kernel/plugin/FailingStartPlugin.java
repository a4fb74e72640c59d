package dev.kindling.kernel.plugin;

import org.pf4j.Plugin;

/** Test fixture: a {@code Plugin-Class} whose {@code start()} fails. */
public final class FailingStartPlugin extends Plugin {

  @Override
  public void start() {
    throw new IllegalStateException("cannot start");
  }
}
