package dev.kindling.api;

import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * Extension point turning values into rich displays (a DataFrame into an HTML table, for example).
 * The kernel asks renderers in descending {@link #priority()} order and uses the first bundle
 * returned; values no renderer claims show as {@code text/plain}.
 */
public interface DisplayRenderer extends ExtensionPoint {

  /** The bundle for {@code value}, or empty when this renderer does not handle it. */
  Optional<MimeBundle> render(Object value);

  /** Renderers with higher priority are asked first. 0 by default. */
  default int priority() {
    return 0;
  }
}
