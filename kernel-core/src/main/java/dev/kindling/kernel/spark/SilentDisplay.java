package dev.kindling.kernel.spark;

import dev.kindling.api.Display;
import dev.kindling.api.DisplayHandle;
import dev.kindling.api.MimeBundle;

/** A display that shows nothing, for a runtime used outside a kernel. */
final class SilentDisplay implements Display {

  @Override
  public void display(MimeBundle bundle) {}

  @Override
  public DisplayHandle displayUpdatable(MimeBundle bundle) {
    return new DisplayHandle() {
      @Override
      public String displayId() {
        return "";
      }

      @Override
      public void update(MimeBundle updated) {}
    };
  }

  @Override
  public void clearOutput(boolean wait) {}

  @Override
  public MimeBundle render(Object value) {
    return MimeBundle.text(String.valueOf(value));
  }
}
