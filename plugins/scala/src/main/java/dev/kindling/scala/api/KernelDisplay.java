package dev.kindling.scala.api;

import dev.kindling.api.Display;
import dev.kindling.api.MimeBundle;

/** {@code kernel.display}: rich outputs for the running cell. */
public final class KernelDisplay {

  private final Display display;

  KernelDisplay(Display display) {
    this.display = display;
  }

  public void html(String html) {
    content("text/html", html);
  }

  public void javascript(String script) {
    content("application/javascript", script);
  }

  public void markdown(String markdown) {
    content("text/markdown", markdown);
  }

  public void latex(String latex) {
    content("text/latex", latex);
  }

  public void svg(String svg) {
    content("image/svg+xml", svg);
  }

  /** Shows {@code data} as {@code mimeType}, with a text/plain fallback. */
  public void content(String mimeType, Object data) {
    display.display(bundle(mimeType, data));
  }

  /** Shows a value the way cell results are shown (DataFrames as tables, for example). */
  public void show(Object value) {
    display.display(value);
  }

  /** Shows {@code data} as {@code mimeType} in an output that can be replaced later. */
  public UpdatableDisplay updatable(String mimeType, Object data) {
    return new UpdatableDisplay(display.displayUpdatable(bundle(mimeType, data)));
  }

  /** Clears the cell's output now. */
  public void clear() {
    clear(false);
  }

  /** Clears the cell's output; with {@code wait}, only when the next output arrives. */
  public void clear(boolean wait) {
    display.clearOutput(wait);
  }

  static MimeBundle bundle(String mimeType, Object data) {
    MimeBundle bundle = MimeBundle.of(mimeType, data);
    return mimeType.equals(MimeBundle.TEXT_PLAIN)
        ? bundle
        : bundle.with(MimeBundle.TEXT_PLAIN, String.valueOf(data));
  }
}
