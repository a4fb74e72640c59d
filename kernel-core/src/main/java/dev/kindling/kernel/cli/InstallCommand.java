package dev.kindling.kernel.cli;

import dev.kindling.kernel.kernelspec.InstallSettings;
import dev.kindling.kernel.kernelspec.KernelSpec;
import dev.kindling.kernel.kernelspec.KernelSpecConflictException;
import dev.kindling.kernel.kernelspec.KernelSpecFactory;
import dev.kindling.kernel.kernelspec.KernelSpecWriter;
import dev.kindling.kernel.kernelspec.KindlingInterpreter;
import dev.kindling.kernel.spark.SparkStartMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kindling install}: writes one Jupyter kernelspec per interpreter. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Install Jupyter kernelspecs that start this Kindling (one per interpreter).",
      "Kernel names: NAME_scala, NAME_pyspark, NAME_sparkr, NAME_sql (NAME: --kernel-name)."
    })
final class InstallCommand implements Callable<Integer> {

  @Mixin KernelsLocation location = new KernelsLocation();

  @Option(
      names = "--interpreters",
      split = ",",
      paramLabel = "NAME",
      description =
          "Interpreters to write a kernelspec for (default: Scala,PySpark,SparkR,SQL). Another"
              + " name is taken as a plugin's interpreter.")
  List<String> interpreters = List.of("Scala", "PySpark", "SparkR", "SQL");

  @Option(
      names = "--kernel-name",
      paramLabel = "NAME",
      description = "First part of the kernel names (default: ${DEFAULT-VALUE}).")
  String kernelName = InstallSettings.DEFAULT_PREFIX;

  @Option(
      names = "--spark-home",
      paramLabel = "DIR",
      description = "Run under this Spark (SPARK_HOME).")
  Path sparkHome;

  @Option(names = "--spark-opts", paramLabel = "OPTS", description = "SPARK_OPTS for the kernels.")
  String sparkOpts;

  @Option(
      names = "--python",
      paramLabel = "EXE",
      description =
          "Python for PySpark (PYSPARK_PYTHON and --conf "
              + InstallSettings.PYTHON_CONF_KEY
              + "=EXE); also the interpreter --sys-prefix asks.")
  String python;

  @Option(
      names = "--plugins-dir",
      paramLabel = "DIR",
      description = "Plugins directory for the kernels.")
  Path pluginsDir;

  @Option(
      names = "--spark-init",
      paramLabel = "MODE",
      description = "When the kernels start Spark: eager, lazy or none (kernel default: eager).")
  String sparkInit;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "A kernel or Spark setting; repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(
      names = "--replace",
      description = "Also replace kernelspecs of the same name that Kindling did not write.")
  boolean replace;

  @Option(
      names = "--no-cds",
      description =
          "Do not prepare the class-data sharing archive that makes kernels start sooner"
              + " (docs/performance.md).")
  boolean noCds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path launcher = KindlingHome.launcher();
      InstallSettings settings = settings(launcher);
      KernelSpecWriter writer =
          new KernelSpecWriter(location.kernelsDir(Optional.ofNullable(python)));
      for (KernelSpec kernelSpec : KernelSpecFactory.specs(settings)) {
        Path dir = writer.install(kernelSpec, replace);
        out.printf("Installed %s (%s) in %s%n", kernelSpec.name(), kernelSpec.displayName(), dir);
      }
      out.flush();
      if (!noCds) {
        CdsArchiveTraining.run(launcher, out);
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException | IllegalStateException | KernelSpecConflictException e) {
      err.println("kindling install: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  InstallSettings settings(Path launcher) {
    Optional<String> mode = Optional.ofNullable(sparkInit).map(m -> SparkStartMode.parse(m).name());
    return new InstallSettings(
        launcher,
        kernelName,
        interpreters.stream().map(KindlingInterpreter::named).toList(),
        Optional.ofNullable(sparkHome),
        Optional.ofNullable(sparkOpts),
        Optional.ofNullable(python).map(InstallCommand::absoluteIfPath),
        Optional.ofNullable(pluginsDir),
        mode.map(m -> m.toLowerCase(java.util.Locale.ROOT)),
        conf);
  }

  /** {@code .venv/bin/python} becomes absolute (kernels start elsewhere); {@code python3} stays. */
  private static String absoluteIfPath(String python) {
    return python.contains("/") ? Path.of(python).toAbsolutePath().normalize().toString() : python;
  }
}
