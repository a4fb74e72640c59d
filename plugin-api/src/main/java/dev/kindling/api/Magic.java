package dev.kindling.api;

import java.util.List;

/**
 * What line and cell magics have in common: a name, aliases and help text. Names are matched
 * case-insensitively, so {@code %AddJar} and {@code %addjar} are the same magic.
 */
public interface Magic {

  /** The magic's name without {@code %}, for example {@code AddJar}. */
  String name();

  /** Other names for the same magic. */
  default List<String> aliases() {
    return List.of();
  }

  /** One line shown by {@code %lsmagic}. */
  String description();

  /** Usage text shown by {@code %name?} and when the magic fails on bad arguments. */
  default String usage() {
    return description();
  }
}
