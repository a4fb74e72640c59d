package dev.kindling.kernel.kernelspec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An interpreter a kernelspec starts the kernel with ({@code --default-interpreter NAME}).
 *
 * @param name the interpreter's name as the kernel knows it ({@code Scala}, {@code PySpark}...)
 * @param language the kernelspec's {@code language}
 */
public record KindlingInterpreter(String name, String language) {

  /** The interpreters Kindling ships, in the order specs are written. */
  public static final List<KindlingInterpreter> SHIPPED =
      List.of(
          new KindlingInterpreter("Scala", "scala"),
          new KindlingInterpreter("PySpark", "python"),
          new KindlingInterpreter("SparkR", "R"),
          new KindlingInterpreter("SQL", "sql"));

  private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /**
   * The shipped interpreter of that name (any case), else a plugin's interpreter whose language is
   * its lower-case name.
   *
   * @throws IllegalArgumentException for names a kernel name cannot be made of
   */
  public static KindlingInterpreter named(String name) {
    String trimmed = name.strip();
    if (!VALID_NAME.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          "'" + name + "' is not an interpreter name (letters, digits, '.', '_', '-')");
    }
    return shipped(trimmed)
        .orElseGet(() -> new KindlingInterpreter(trimmed, trimmed.toLowerCase(Locale.ROOT)));
  }

  /** The shipped interpreter of that name, ignoring case. */
  public static Optional<KindlingInterpreter> shipped(String name) {
    return SHIPPED.stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The suffix of this interpreter's kernel name: {@code scala} in {@code kindling_scala}. */
  public String kernelNameSuffix() {
    return name.toLowerCase(Locale.ROOT);
  }
}
