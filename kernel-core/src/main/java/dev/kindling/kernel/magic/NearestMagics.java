package dev.kindling.kernel.magic;

import dev.kindling.api.Magic;
import dev.kindling.api.Magics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The magic names closest to a misspelt one, by edit distance, for "did you mean" messages. */
public final class NearestMagics {

  private static final int MAX_SUGGESTIONS = 3;

  private NearestMagics() {}

  /**
   * Up to three names ({@code %%html}, {@code %sh}) nearest to {@code name}, nearest first; cell
   * magics before line magics at equal distance. Empty when nothing is close.
   */
  public static List<String> to(String name, Magics magics) {
    String wanted = name.toLowerCase(Locale.ROOT);
    Set<String> candidates = new LinkedHashSet<>();
    magics.cellMagics().forEach(m -> names(m).forEach(n -> candidates.add("%%" + n)));
    magics.lineMagics().forEach(m -> names(m).forEach(n -> candidates.add("%" + n)));
    int limit = Math.max(2, wanted.length() / 2);
    List<String> near = new ArrayList<>();
    for (String candidate : candidates) {
      if (distance(wanted, bare(candidate)) <= limit) {
        near.add(candidate);
      }
    }
    near.sort(Comparator.comparingInt(c -> distance(wanted, bare(c))));
    return near.stream().limit(MAX_SUGGESTIONS).toList();
  }

  private static Stream<String> names(Magic magic) {
    return Stream.concat(Stream.of(magic.name()), magic.aliases().stream());
  }

  private static String bare(String candidate) {
    return candidate.replaceFirst("^%+", "").toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance: insertions, deletions and substitutions, each costing one. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
