package dev.kindling.api;

import java.util.Map;
import java.util.Optional;

/** The kernel's comms, for user code and plugins. */
public interface Comms {

  /** Adds (or replaces) a target at run time, for example from a notebook cell. */
  void register(CommTarget target);

  /** Removes a target; comms already open stay open. */
  void unregister(String targetName);

  /**
   * Opens a comm from the kernel side; the front end must have a handler for {@code targetName}.
   */
  Comm open(String targetName, Map<String, Object> data);

  /** The open comm with this id. */
  Optional<Comm> get(String commId);
}
