package dev.kindling.sql;

import dev.kindling.api.MagicUsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --name value} (or {@code --name=value}) options of a magic's first line. Every option
 * takes a value; values may be quoted with {@code '} or {@code "} to hold spaces. Unknown options,
 * repeated options, missing values and stray words are usage errors.
 */
final class MagicArguments {

  private final Map<String, String> values;

  private MagicArguments(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code arguments}.
   *
   * @param known the option names allowed, without {@code --}
   * @throws MagicUsageException when the arguments do not follow the rules above
   */
  static MagicArguments parse(String arguments, Set<String> known) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> words = words(arguments);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (!word.startsWith("--") || word.length() == 2) {
        throw new MagicUsageException("unexpected argument '" + word + "'");
      }
      String name = word.substring(2);
      String value = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (!known.contains(name)) {
        throw new MagicUsageException("unknown option --" + name);
      }
      if (value == null) {
        if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
          throw new MagicUsageException("--" + name + " needs a value");
        }
        value = words.get(++i);
      }
      if (values.putIfAbsent(name, value) != null) {
        throw new MagicUsageException("--" + name + " is given twice");
      }
    }
    return new MagicArguments(values);
  }

  /** The value of option {@code name}, if given. */
  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The value of option {@code name} as a positive number, if given. */
  Optional<Integer> positiveInt(String name) {
    return get(name)
        .map(
            value -> {
              try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                  return number;
                }
              } catch (NumberFormatException e) {
                // reported below
              }
              throw new MagicUsageException(
                  "--" + name + " must be a positive number, not '" + value + "'");
            });
  }

  /** The value of option {@code name}, one of {@code allowed} (ignoring case), if given. */
  Optional<String> choice(String name, List<String> allowed) {
    return get(name)
        .map(
            value -> {
              for (String option : allowed) {
                if (option.equalsIgnoreCase(value)) {
                  return option;
                }
              }
              throw new MagicUsageException(
                  "--"
                      + name
                      + " must be one of "
                      + String.join("|", allowed)
                      + ", not '"
                      + value
                      + "'");
            });
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new MagicUsageException("unclosed quote " + quote);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
