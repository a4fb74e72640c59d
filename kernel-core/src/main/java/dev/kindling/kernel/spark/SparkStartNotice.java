package dev.kindling.kernel.spark;

import dev.kindling.api.Display;
import dev.kindling.api.DisplayHandle;
import dev.kindling.api.HtmlText;
import dev.kindling.api.MimeBundle;
import java.util.Locale;
import java.util.Optional;

/**
 * What a cell shows about the session starting: "Starting Spark..." while it waits (as an updatable
 * display), then "Spark started in N s" with a link to the Spark UI.
 */
final class SparkStartNotice {

  private final Display display;
  private Optional<DisplayHandle> waiting = Optional.empty();

  SparkStartNotice(Display display) {
    this.display = display;
  }

  /** The cell is waiting for Spark. */
  void waiting() {
    waiting = Optional.of(display.displayUpdatable(MimeBundle.text("Starting Spark...")));
  }

  /** Spark is up: replaces the waiting notice, or shows a new output. */
  void started(double seconds, Optional<String> uiUrl) {
    MimeBundle bundle = startedBundle(seconds, uiUrl);
    if (waiting.isPresent()) {
      waiting.get().update(bundle);
    } else {
      display.display(bundle);
    }
  }

  /** The start failed: the waiting notice says so (the cell's error says why). */
  void failed() {
    waiting.ifPresent(handle -> handle.update(MimeBundle.text("Spark failed to start")));
  }

  static MimeBundle startedBundle(double seconds, Optional<String> uiUrl) {
    String took =
        seconds < 0
            ? "Spark is running"
            : String.format(Locale.ROOT, "Spark started in %.1f s", seconds);
    if (uiUrl.isEmpty()) {
      return MimeBundle.text(took);
    }
    String url = uiUrl.get();
    String html =
        took
            + ". <a href=\""
            + HtmlText.escape(url)
            + "\" target=\"_blank\">Spark UI</a>"
            + " ("
            + HtmlText.escape(url)
            + ")";
    return MimeBundle.of("text/html", html)
        .with(MimeBundle.TEXT_PLAIN, took + ". Spark UI: " + url);
  }
}
