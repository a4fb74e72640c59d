package dev.kindling.kernel.cli;

import dev.kindling.kernel.KindlingVersion;
import picocli.CommandLine.Command;

/** {@code kindling version}. */
@Command(name = "version", description = "Print Kindling's version.")
final class VersionCommand implements Runnable {

  @Override
  public void run() {
    System.out.println("Kindling " + KindlingVersion.get());
  }
}
