package dev.kindling.protocol;

/** The five Jupyter channels. */
public enum Channel {
  SHELL,
  CONTROL,
  STDIN,
  IOPUB,
  HEARTBEAT;

  /** The channel's name as the protocol and connection files spell it ({@code shell}, ...). */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
