package dev.kindling.api;

/**
 * One cell (or one magic body) handed to an interpreter.
 *
 * @param code the source to run, with any magic lines already removed
 * @param executionCount the cell's execution count as shown to the user
 * @param silent true when the front end asked for no output and no history
 * @param storeHistory true when the cell counts towards history and the execution count
 * @param allowStdin true when the front end can answer input requests
 */
public record ExecutionRequest(
    String code, int executionCount, boolean silent, boolean storeHistory, boolean allowStdin) {

  /** A copy of this request that runs other code (a cell magic's body, for example). */
  public ExecutionRequest withCode(String otherCode) {
    return new ExecutionRequest(otherCode, executionCount, silent, storeHistory, allowStdin);
  }
}
