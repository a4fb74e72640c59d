package dev.kindling.kernel.comm;

import dev.kindling.protocol.Message;
import java.util.Map;

/**
 * Comms that belong elsewhere (child kernels): {@link CommRegistry} offers them front-end comm
 * messages it has no target or comm for, before refusing or ignoring them.
 */
public interface CommForwarder {

  /** Nothing is forwarded. */
  CommForwarder NONE =
      new CommForwarder() {
        @Override
        public boolean offerOpen(Message commOpen) {
          return false;
        }

        @Override
        public boolean forward(Message commMessage) {
          return false;
        }

        @Override
        public Map<String, String> openComms() {
          return Map.of();
        }
      };

  /**
   * A {@code comm_open} for a target the kernel has no {@link dev.kindling.api.CommTarget} for.
   *
   * @return true when it was handed on (the receiver then answers it, also by closing it)
   */
  boolean offerOpen(Message commOpen);

  /**
   * A {@code comm_msg} or {@code comm_close} for a comm id the kernel does not know.
   *
   * @return true when the comm belongs elsewhere and the message was handed on
   */
  boolean forward(Message commMessage);

  /** Comms open elsewhere, comm id to target name. */
  Map<String, String> openComms();
}
