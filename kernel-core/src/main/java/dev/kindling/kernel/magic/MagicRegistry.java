package dev.kindling.kernel.magic;

import dev.kindling.api.CellMagic;
import dev.kindling.api.LineMagic;
import dev.kindling.api.Magic;
import dev.kindling.api.Magics;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The line and cell magics plugins contribute, found by name or alias ignoring case. */
public final class MagicRegistry implements Magics {

  private static final Logger log = LoggerFactory.getLogger(MagicRegistry.class);

  private final List<LineMagic> lineMagics;
  private final List<CellMagic> cellMagics;
  private final Map<String, LineMagic> lineByName;
  private final Map<String, CellMagic> cellByName;

  public MagicRegistry(List<LineMagic> lineMagics, List<CellMagic> cellMagics) {
    this.lineMagics = sorted(lineMagics);
    this.cellMagics = sorted(cellMagics);
    this.lineByName = index(this.lineMagics);
    this.cellByName = index(this.cellMagics);
  }

  private static <M extends Magic> List<M> sorted(List<M> magics) {
    return magics.stream()
        .sorted(Comparator.comparing(m -> m.name().toLowerCase(Locale.ROOT)))
        .toList();
  }

  private static <M extends Magic> Map<String, M> index(List<M> magics) {
    Map<String, M> byName = new HashMap<>();
    for (M magic : magics) {
      for (String name : names(magic)) {
        M previous = byName.putIfAbsent(name, magic);
        if (previous != null && previous != magic) {
          log.warn(
              "Magic name '{}' is claimed by both {} and {}; keeping the first",
              name,
              previous.getClass().getName(),
              magic.getClass().getName());
        }
      }
    }
    return Map.copyOf(byName);
  }

  private static List<String> names(Magic magic) {
    return Stream.concat(Stream.of(magic.name()), magic.aliases().stream())
        .map(n -> n.toLowerCase(Locale.ROOT))
        .toList();
  }

  @Override
  public List<LineMagic> lineMagics() {
    return lineMagics;
  }

  @Override
  public List<CellMagic> cellMagics() {
    return cellMagics;
  }

  @Override
  public Optional<LineMagic> lineMagic(String name) {
    return Optional.ofNullable(lineByName.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public Optional<CellMagic> cellMagic(String name) {
    return Optional.ofNullable(cellByName.get(name.toLowerCase(Locale.ROOT)));
  }
}
