package dev.kindling.kernel;

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
 */
public record KernelOptions(
    ConnectionInfo connection,
    Path pluginsDir,
    String defaultInterpreter,
    Map<String, String> configuration) {

  public KernelOptions {
    configuration = Map.copyOf(configuration);
  }
}
