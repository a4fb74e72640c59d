package dev.kindling.client;

import java.util.Map;

/**
 * The options of an {@code execute_request}.
 *
 * @param silent run without output, history or execution count
 * @param storeHistory record the code in the kernel's history and count it
 * @param userExpressions expressions (by name) the kernel evaluates after the code; their values
 *     come back in {@link ExecuteReply#userExpressions()}
 * @param allowStdin let the code ask for input; input requests are answered by the client's {@link
 *     InputHandler} (without one, the client answers with an empty line)
 * @param stopOnError when the code fails, abort this client's executes queued behind it
 */
public record ExecuteOptions(
    boolean silent,
    boolean storeHistory,
    Map<String, String> userExpressions,
    boolean allowStdin,
    boolean stopOnError) {

  public ExecuteOptions {
    userExpressions = Map.copyOf(userExpressions);
  }

  /** The defaults of a notebook cell: not silent, stored, stdin allowed, stop on error. */
  public static ExecuteOptions defaults() {
    return new ExecuteOptions(false, true, Map.of(), true, true);
  }

  /** These options with {@code silent} set. */
  public ExecuteOptions withSilent(boolean value) {
    return new ExecuteOptions(value, storeHistory, userExpressions, allowStdin, stopOnError);
  }

  /** These options with {@code storeHistory} set. */
  public ExecuteOptions withStoreHistory(boolean value) {
    return new ExecuteOptions(silent, value, userExpressions, allowStdin, stopOnError);
  }

  /** These options with these user expressions. */
  public ExecuteOptions withUserExpressions(Map<String, String> value) {
    return new ExecuteOptions(silent, storeHistory, value, allowStdin, stopOnError);
  }

  /** These options with {@code allowStdin} set. */
  public ExecuteOptions withAllowStdin(boolean value) {
    return new ExecuteOptions(silent, storeHistory, userExpressions, value, stopOnError);
  }

  /** These options with {@code stopOnError} set. */
  public ExecuteOptions withStopOnError(boolean value) {
    return new ExecuteOptions(silent, storeHistory, userExpressions, allowStdin, value);
  }
}
