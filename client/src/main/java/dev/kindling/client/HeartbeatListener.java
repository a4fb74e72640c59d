package dev.kindling.client;

/**
 * Told when the kernel stops answering heartbeat pings and when it answers again (after a restart
 * on the same ports, for example). Runs on the client's callback thread.
 */
public interface HeartbeatListener {

  /** The kernel missed its heartbeats: it has died, hangs, or the network is down. */
  void lost();

  /** The kernel answers heartbeats again after {@link #lost()}. */
  default void recovered() {}
}
