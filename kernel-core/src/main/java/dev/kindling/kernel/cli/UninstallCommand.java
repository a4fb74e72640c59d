package dev.kindling.kernel.cli;

import dev.kindling.kernel.kernelspec.KernelSpecWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kindling uninstall}: removes the Kindling kernelspecs from one location. */
@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    description = "Remove the Kindling kernelspecs (those with metadata.kindling) from a location.")
final class UninstallCommand implements Callable<Integer> {

  @Mixin KernelsLocation location = new KernelsLocation();

  @Option(
      names = "--kernel-name",
      paramLabel = "NAME",
      description = "Only the kernelspecs named NAME_... (default: every Kindling kernelspec).")
  String kernelName;

  @Option(
      names = "--python",
      paramLabel = "EXE",
      description = "The interpreter --sys-prefix asks.")
  String python;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      Path kernelsDir = location.kernelsDir(Optional.ofNullable(python));
      List<String> removed =
          new KernelSpecWriter(kernelsDir)
              .uninstall(Optional.ofNullable(kernelName).map(n -> n.toLowerCase(Locale.ROOT)));
      if (removed.isEmpty()) {
        out.printf("No Kindling kernelspecs in %s%n", kernelsDir);
      }
      removed.forEach(name -> out.printf("Removed %s from %s%n", name, kernelsDir));
      out.flush();
      return 0;
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println("kindling uninstall: " + e.getMessage());
      return 1;
    }
  }
}
