package dev.kindling.api;

/**
 * Rich output for the running cell. Output published from a thread that a cell started goes to that
 * cell. Stream output written before a display is always published before it.
 */
public interface Display {

  /** Shows a bundle as a {@code display_data} output. */
  void display(MimeBundle bundle);

  /** Shows a value, rendered with the loaded {@link DisplayRenderer}s. */
  default void display(Object value) {
    display(render(value));
  }

  /** Shows a bundle that can be updated later through the returned handle. */
  DisplayHandle displayUpdatable(MimeBundle bundle);

  /**
   * Clears the cell's output.
   *
   * @param wait true to clear only when the next output arrives, which avoids flicker
   */
  void clearOutput(boolean wait);

  /**
   * Shows {@code bundle} in the front end's pager (help text, long documentation), as IPython's
   * {@code object?} does: it travels as a {@code page} payload of the cell's {@code execute_reply}.
   * Outside an executing cell, or where the kernel has no pager support, it is displayed instead.
   */
  default void page(MimeBundle bundle) {
    display(bundle);
  }

  /** Renders a value the way the kernel shows cell results. */
  MimeBundle render(Object value);
}
