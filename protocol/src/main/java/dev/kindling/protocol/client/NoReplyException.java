package dev.kindling.protocol.client;

import dev.kindling.protocol.Message;

/**
 * Thrown by {@link KernelConnection#request} when the reply to a request does not arrive: the
 * timeout passed, the waiting thread was interrupted (its interrupt status is kept), or the
 * connection was closed.
 */
public final class NoReplyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why no reply came. */
  public enum Reason {
    /** The timeout passed. */
    TIMEOUT,
    /** The waiting thread was interrupted. */
    INTERRUPTED,
    /** The connection was closed while waiting. */
    CLOSED
  }

  private final transient Message request;
  private final Reason reason;

  NoReplyException(Reason reason, Message request, String detail) {
    super("no reply to " + request.msgType() + " " + request.msgId() + ": " + detail);
    this.reason = reason;
    this.request = request;
  }

  /** Why no reply came. */
  public Reason reason() {
    return reason;
  }

  /** The request that got no reply. */
  public Message request() {
    return request;
  }
}
