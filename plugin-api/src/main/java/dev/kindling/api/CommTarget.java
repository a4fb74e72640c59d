package dev.kindling.api;

import org.pf4j.ExtensionPoint;

/**
 * Extension point for a comm target: the kernel-side end of comms that front ends open with {@code
 * comm_open} and this {@link #targetName()}. Front ends opening an unknown target get an immediate
 * {@code comm_close}.
 */
public interface CommTarget extends ExtensionPoint {

  /** The target name front ends open comms to. */
  String targetName();

  /**
   * Called when a front end opens a comm to this target; register handlers on {@code comm} here.
   *
   * @param comm the new comm
   * @param openMessage the data, metadata and buffers of the {@code comm_open}
   */
  void opened(Comm comm, CommMessage openMessage);
}
