package dev.kindling.client;

/** The client was closed before a reply arrived, or a request was made after {@code close()}. */
public final class ClientClosedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  ClientClosedException(String message) {
    super(message);
  }
}
