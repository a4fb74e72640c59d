package dev.kindling.client;

import java.util.Map;

/**
 * A client-side comm target: called when the kernel opens a comm to {@link #targetName()} (a {@code
 * comm_open} on IOPub). Register it with {@link KindlingClient#registerCommTarget}. Runs on the
 * client's callback thread; register {@link Comm#onMessage} and {@link Comm#onClose} handlers here
 * to get every later message.
 */
@FunctionalInterface
public interface CommTarget {

  /**
   * @param comm the new comm, already open
   * @param data the data the kernel sent with its {@code comm_open}
   */
  void opened(Comm comm, Map<String, Object> data);
}
