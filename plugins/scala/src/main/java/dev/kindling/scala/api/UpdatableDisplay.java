package dev.kindling.scala.api;

import dev.kindling.api.DisplayHandle;

/** A display output with an id, replaced in place by {@link #update}. */
public final class UpdatableDisplay {

  private final DisplayHandle handle;

  UpdatableDisplay(DisplayHandle handle) {
    this.handle = handle;
  }

  /** The display id shared by the output and its updates. */
  public String id() {
    return handle.displayId();
  }

  /** Replaces the output with {@code data} as {@code mimeType}. */
  public void update(String mimeType, Object data) {
    handle.update(KernelDisplay.bundle(mimeType, data));
  }

  /** Replaces the output with HTML. */
  public void html(String html) {
    update("text/html", html);
  }

  /** Replaces the output with plain text. */
  public void text(String text) {
    update("text/plain", text);
  }
}
