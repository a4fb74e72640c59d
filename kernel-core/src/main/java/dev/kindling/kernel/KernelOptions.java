package dev.kindling.kernel;

import dev.kindling.kernel.spark.SparkOptions;
import dev.kindling.protocol.ConnectionInfo;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a kernel is started with.
 *
 * @param connection the connection file's contents
 * @param pluginsDir where plugin jars and zips are loaded from
 * @param defaultInterpreter the interpreter that runs cells without a language magic
 * @param configuration {@code --conf} settings
 * @param spark how the kernel runs Spark ({@code --spark-init}, {@code --progress})
 */
public record KernelOptions(
    ConnectionInfo connection,
    Path pluginsDir,
    String defaultInterpreter,
    Map<String, String> configuration,
    SparkOptions spark) {

  public KernelOptions {
    configuration = Map.copyOf(configuration);
  }

  /** Options for a kernel that starts Spark only when a cell asks for it (tests, embedding). */
  public KernelOptions(
      ConnectionInfo connection,
      Path pluginsDir,
      String defaultInterpreter,
      Map<String, String> configuration) {
    this(connection, pluginsDir, defaultInterpreter, configuration, SparkOptions.lazy());
  }
}
