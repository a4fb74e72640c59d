package dev.kindling.client;

/**
 * Answers the kernel's requests for input ({@code input_request}), for example a cell that reads a
 * line or a password. Runs on the client's callback thread: the cell waits for the answer.
 */
@FunctionalInterface
public interface InputHandler {

  /**
   * @param prompt the prompt the code showed
   * @param password true when the input should not be echoed
   * @return the line to send back (without a newline)
   */
  String answer(String prompt, boolean password);
}
