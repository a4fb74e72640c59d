package dev.kindling.kernel.subkernel;

/** Told which comms a child kernel opened and closed, so front-end messages can be routed back. */
interface ChildComms {

  void openedByChild(String commId, String targetName);

  void closedByChild(String commId);
}
