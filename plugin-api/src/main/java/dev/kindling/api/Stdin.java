package dev.kindling.api;

/** Input from the user through the front end ({@code input_request} on the stdin channel). */
public interface Stdin {

  /**
   * Asks the user for a line and waits for it.
   *
   * @param prompt text shown beside the input box
   * @param password true to hide what the user types
   * @return the line, without a trailing newline
   * @throws StdinNotAvailableException when the front end does not accept input requests (for
   *     example nbclient, or a request with {@code allow_stdin=false})
   * @throws InterruptedException when the cell is interrupted while waiting
   */
  String readLine(String prompt, boolean password) throws InterruptedException;
}
