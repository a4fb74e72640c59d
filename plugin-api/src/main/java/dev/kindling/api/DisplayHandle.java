package dev.kindling.api;

/** A display output that can be replaced in place later (progress bars, live tables). */
public interface DisplayHandle {

  /** The display id shared by the original output and its updates. */
  String displayId();

  /** Replaces every output with this display id, in any cell, by {@code bundle}. */
  void update(MimeBundle bundle);
}
