package dev.kindling.kernel.execution;

import dev.kindling.api.MimeBundle;
import dev.kindling.protocol.Message;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A request the kernel is working on (a cell, a comm message): the parent of every output it
 * causes. Threads started while it runs inherit it; once it has finished, their later output goes
 * to whatever runs then.
 */
public final class Cell {

  private final Message request;
  private volatile boolean finished;
  private final List<MimeBundle> pages = new CopyOnWriteArrayList<>();

  public Cell(Message request) {
    this.request = request;
  }

  /** The request that caused this work. */
  public Message request() {
    return request;
  }

  /** Queues {@code bundle} for the front end's pager, sent with this request's reply. */
  public void page(MimeBundle bundle) {
    pages.add(bundle);
  }

  /** What the request's code asked to page, in order. */
  public List<MimeBundle> pages() {
    return List.copyOf(pages);
  }

  /** True once the request has been answered. */
  public boolean finished() {
    return finished;
  }

  void finish() {
    finished = true;
  }
}
