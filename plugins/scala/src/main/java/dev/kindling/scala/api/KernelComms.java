package dev.kindling.scala.api;

import dev.kindling.api.Comms;
import java.util.Map;

/** {@code kernel.comm}: comm targets defined in cells, and comms opened from the kernel. */
public final class KernelComms {

  private final Comms comms;

  KernelComms(Comms comms) {
    this.comms = comms;
  }

  /**
   * Registers (or replaces) target {@code targetName}; add handlers on the result: {@code
   * kernel.comm.register("t").addMsgHandler((comm, id, data) => comm.send(data))}.
   */
  public CommRegistration register(String targetName) {
    CommRegistration registration = new CommRegistration(targetName);
    comms.register(registration);
    return registration;
  }

  /** Removes a target; comms already open stay open. */
  public void unregister(String targetName) {
    comms.unregister(targetName);
  }

  /** Opens a comm to the front end's target {@code targetName}. */
  public CommChannel open(String targetName) {
    return open(targetName, Map.of());
  }

  /** Opens a comm to the front end's target {@code targetName} with {@code data}. */
  public CommChannel open(String targetName, Map<String, ?> data) {
    return new CommChannel(
        comms.open(targetName, new java.util.LinkedHashMap<String, Object>(data)));
  }

  /** Opens a comm with a Scala map as its data. */
  public CommChannel open(String targetName, scala.collection.Map<String, Object> data) {
    return open(targetName, CommChannel.toJava(data));
  }
}
