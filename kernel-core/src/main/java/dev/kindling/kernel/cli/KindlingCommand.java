package dev.kindling.kernel.cli;

import dev.kindling.kernel.KindlingVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kindling}: the launcher's entry point. */
@Command(
    name = "kindling",
    mixinStandardHelpOptions = true,
    versionProvider = KindlingCommand.Version.class,
    description = "Kindling: a Jupyter kernel and interactive gateway to Apache Spark.",
    subcommands = {
      KernelCommand.class,
      InstallCommand.class,
      UninstallCommand.class,
      VersionCommand.class,
      CdsTrainingCommand.class
    })
public final class KindlingCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("kernel")) {
      StartupWarmUp.startInBackground();
    }
    System.exit(new CommandLine(new KindlingCommand()).execute(args));
  }

  /** Reports the build's version for {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Kindling " + KindlingVersion.get()};
    }
  }
}
