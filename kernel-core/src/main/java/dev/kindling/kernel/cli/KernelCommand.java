package dev.kindling.kernel.cli;

import dev.kindling.kernel.KernelLauncher;
import dev.kindling.kernel.KernelOptions;
import dev.kindling.kernel.logging.StartupLogging;
import dev.kindling.kernel.spark.SparkOptions;
import dev.kindling.kernel.spark.SparkStartMode;
import dev.kindling.protocol.ConnectionInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kindling kernel -f CONNECTION_FILE}: runs a kernel until it is shut down. */
@Command(
    name = "kernel",
    mixinStandardHelpOptions = true,
    description = "Run a kernel for the given connection file.")
final class KernelCommand implements Callable<Integer> {

  /** Exit code when the connection file cannot be used. */
  static final int CANNOT_START = 1;

  // Defaults, shared with KernelArguments, which reads the same options without picocli.
  static final String DEFAULT_INTERPRETER = "Scala";
  static final String DEFAULT_SPARK_INIT = "eager";
  static final String DEFAULT_PROGRESS = "on";

  @Option(
      names = {"-f", "--connection-file"},
      required = true,
      description = "Connection file written by the Jupyter client.")
  Path connectionFile;

  @Option(
      names = "--plugins-dir",
      description = "Directory of plugin jars and zips (default: the distribution's plugins/).")
  Path pluginsDir;

  @Option(
      names = "--default-interpreter",
      defaultValue = DEFAULT_INTERPRETER,
      description = "Interpreter for cells without a language magic (default: ${DEFAULT-VALUE}).")
  String defaultInterpreter = DEFAULT_INTERPRETER;

  @Option(names = "--conf", description = "A kernel or Spark setting, key=value; repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(
      names = "--spark-init",
      defaultValue = DEFAULT_SPARK_INIT,
      converter = StartModeConverter.class,
      description =
          "When the SparkSession starts: eager (in the background at start-up), lazy (on first"
              + " use) or none (only user code creates one). Default: ${DEFAULT-VALUE}.")
  SparkStartMode sparkInit = SparkStartMode.parse(DEFAULT_SPARK_INIT);

  @Option(
      names = "--progress",
      arity = "1",
      defaultValue = DEFAULT_PROGRESS,
      converter = OnOffConverter.class,
      description = "Live Spark progress in cells: on or off. Default: ${DEFAULT-VALUE}.")
  boolean progress = KernelArguments.onOff(DEFAULT_PROGRESS).orElseThrow();

  @Override
  public Integer call() throws Exception {
    ConnectionInfo connection;
    try {
      connection = ConnectionInfo.read(connectionFile);
    } catch (IOException e) {
      // A one-line reason, not a stack trace: the front end shows this as the kernel's output.
      System.err.println("kindling kernel: " + e.getMessage());
      return CANNOT_START;
    }
    Path plugins = pluginsDir != null ? pluginsDir : defaultPluginsDir();
    StartupWarmUp.awaitLogging(); // before any thread of the kernel logs
    try {
      return KernelLauncher.run(
          new KernelOptions(
              connection,
              plugins,
              defaultInterpreter,
              conf,
              new SparkOptions(sparkInit, progress)));
    } finally {
      StartupLogging.flush(); // what a kernel that failed early logged reaches the log
    }
  }

  /** {@code eager}, {@code lazy} or {@code none}. */
  static final class StartModeConverter implements CommandLine.ITypeConverter<SparkStartMode> {
    @Override
    public SparkStartMode convert(String value) {
      try {
        return SparkStartMode.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not one of eager, lazy, none");
      }
    }
  }

  /** {@code on} or {@code off}. */
  static final class OnOffConverter implements CommandLine.ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
      return KernelArguments.onOff(value)
          .orElseThrow(
              () -> new CommandLine.TypeConversionException("'" + value + "' is not on or off"));
    }
  }

  static Path defaultPluginsDir() {
    String home = System.getProperty("kindling.home");
    return home == null ? Path.of("plugins") : Path.of(home, "plugins");
  }
}
