package dev.kindling.kernel.cli;

import dev.kindling.kernel.KindlingVersion;
import dev.kindling.kernel.logging.StartupLogging;
import java.util.Arrays;
import java.util.Optional;
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
    System.exit(execute(args));
  }

  /** Runs one command line and returns its exit code. */
  static int execute(String[] args) {
    if (args.length > 0 && args[0].equals("kernel")) {
      // What every kernel start runs: read without picocli when a kernelspec wrote it (see
      // KernelArguments), else parsed on its own, so picocli does not build the models of the
      // other commands first; meanwhile the libraries a kernel needs warm up on a second core.
      StartupLogging.deferInThisProcess();
      StartupWarmUp.startInBackground();
      String[] kernelArgs = Arrays.copyOfRange(args, 1, args.length);
      Optional<KernelCommand> plain = KernelArguments.read(kernelArgs);
      if (plain.isPresent()) {
        return call(plain.get());
      }
      return new CommandLine(new KernelCommand())
          .setCommandName("kindling kernel")
          .execute(kernelArgs);
    }
    return new CommandLine(new KindlingCommand()).execute(args);
  }

  /**
   * Runs a command as picocli's {@code execute} would: a failure's trace on stderr, exit code 1.
   */
  private static int call(KernelCommand command) {
    try {
      return command.call();
    } catch (Exception e) {
      e.printStackTrace();
      return 1;
    }
  }

  /** Reports the build's version for {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Kindling " + KindlingVersion.get()};
    }
  }
}
