package dev.kindling.client;

import java.util.List;

/**
 * A request's reply had status {@code error}: the kernel could not serve it. Futures of requests
 * other than {@code execute} complete exceptionally with this; a failed execution is a normal
 * {@link ExecuteOutcome} instead.
 */
public final class KernelErrorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String ename;
  private final String evalue;
  private final List<String> traceback;

  KernelErrorException(String requestType, String ename, String evalue, List<String> traceback) {
    super(requestType + " failed in the kernel: " + ename + ": " + evalue);
    this.ename = ename;
    this.evalue = evalue;
    this.traceback = List.copyOf(traceback);
  }

  /** The error's name. */
  public String ename() {
    return ename;
  }

  /** The error's message. */
  public String evalue() {
    return evalue;
  }

  /** The kernel's traceback lines. */
  public List<String> traceback() {
    return traceback;
  }
}
