package dev.kindling.kernel.cli;

import dev.kindling.kernel.KernelLauncher;
import dev.kindling.kernel.KernelOptions;
import dev.kindling.protocol.ConnectionInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kindling kernel -f CONNECTION_FILE}: runs a kernel until it is shut down. */
@Command(name = "kernel", description = "Run a kernel for the given connection file.")
final class KernelCommand implements Callable<Integer> {

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
      defaultValue = "Scala",
      description = "Interpreter for cells without a language magic (default: ${DEFAULT-VALUE}).")
  String defaultInterpreter;

  @Option(names = "--conf", description = "A kernel or Spark setting, key=value; repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    ConnectionInfo connection = ConnectionInfo.read(connectionFile);
    Path plugins = pluginsDir != null ? pluginsDir : defaultPluginsDir();
    return KernelLauncher.run(new KernelOptions(connection, plugins, defaultInterpreter, conf));
  }

  private static Path defaultPluginsDir() {
    String home = System.getProperty("kindling.home");
    return home == null ? Path.of("plugins") : Path.of(home, "plugins");
  }
}
