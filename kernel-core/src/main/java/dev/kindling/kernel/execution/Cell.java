package dev.kindling.kernel.execution;

import dev.kindling.protocol.Message;

/**
 * A request the kernel is working on (a cell, a comm message): the parent of every output it
 * causes. Threads started while it runs inherit it; once it has finished, their later output goes
 * to whatever runs then.
 */
public final class Cell {

  private final Message request;
  private volatile boolean finished;

  public Cell(Message request) {
    this.request = request;
  }

  /** The request that caused this work. */
  public Message request() {
    return request;
  }

  /** True once the request has been answered. */
  public boolean finished() {
    return finished;
  }

  void finish() {
    finished = true;
  }
}
