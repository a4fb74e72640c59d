package dev.kindling.kernel.testplugin;

import dev.kindling.api.DisplayRenderer;
import dev.kindling.api.MimeBundle;
import java.util.Optional;
import org.pf4j.Extension;

/** Shows a {@link TestPoint} as bold HTML plus plain text; leaves every other value alone. */
@Extension
public final class TestPointRenderer implements DisplayRenderer {

  @Override
  public Optional<MimeBundle> render(Object value) {
    if (!(value instanceof TestPoint point)) {
      return Optional.empty();
    }
    return Optional.of(
        MimeBundle.of("text/html", "<b>" + point + "</b>")
            .with(MimeBundle.TEXT_PLAIN, point.toString()));
  }
}
