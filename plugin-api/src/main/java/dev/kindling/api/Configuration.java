package dev.kindling.api;

import java.util.Map;
import java.util.Optional;

/**
 * Kernel settings given on the command line ({@code --conf key=value}) and in the kernel's conf.
 */
public interface Configuration {

  /** The value of one setting. */
  Optional<String> get(String key);

  /** Every setting, in no particular order. */
  Map<String, String> asMap();

  /** The value of a setting, or {@code defaultValue} when it is not set. */
  default String get(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  /**
   * Changes a setting for the rest of the kernel's life, as magics such as {@code %showtypes} do.
   * Code that reads a setting each time it needs it sees the new value at once.
   *
   * @throws UnsupportedOperationException where the settings cannot change (the default)
   */
  default void set(String key, String value) {
    throw new UnsupportedOperationException("these settings cannot be changed: " + key);
  }
}
