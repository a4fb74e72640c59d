package dev.kindling.kernel.cli;

import dev.kindling.kernel.spark.SparkStartMode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code kindling kernel} command line a kernelspec writes, without picocli.
 *
 * <p>Every notebook start runs this command, and picocli's model of it costs a kernel a tenth of a
 * second or more of its start-up: picocli's classes are Java 5 bytecode, which the class-data
 * archive cannot hold and the JVM verifies the slow way, and its annotations are read by
 * reflection. This reader takes only the plain forms a kernelspec uses, {@code -f value}, {@code
 * --name value} and {@code --name=value}, for the options of {@link KernelCommand}. On anything
 * else it declines, and picocli reads the line instead: help, an unknown, repeated or missing
 * option, a value picocli would reject or could take for an option. So a user sees picocli's
 * messages and usage exactly as before; {@code KernelArgumentsTest} checks that the two readers
 * agree.
 */
final class KernelArguments {

  private KernelArguments() {}

  /**
   * The command {@code args} describe, or empty when picocli should read them.
   *
   * @param args the arguments after {@code kernel}
   */
  static Optional<KernelCommand> read(String[] args) {
    KernelCommand command = new KernelCommand();
    Set<String> given = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value;
      int equals = name.indexOf('=');
      if (name.startsWith("--") && equals > 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return Optional.empty();
      }
      if (value.startsWith("-") || !(name.equals("--conf") || given.add(canonical(name)))) {
        return Optional.empty();
      }
      if (!set(command, name, value)) {
        return Optional.empty();
      }
    }
    return command.connectionFile == null ? Optional.empty() : Optional.of(command);
  }

  /**
   * {@code on}/{@code true} or {@code off}/{@code false}, any case: the {@code --progress} values.
   */
  static Optional<Boolean> onOff(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "on", "true" -> Optional.of(true);
      case "off", "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static String canonical(String name) {
    return name.equals("-f") ? "--connection-file" : name;
  }

  /** Sets one option; false when it is not one this reader knows or its value is not valid. */
  private static boolean set(KernelCommand command, String name, String value) {
    try {
      switch (canonical(name)) {
        case "--connection-file" -> command.connectionFile = Path.of(value);
        case "--plugins-dir" -> command.pluginsDir = Path.of(value);
        case "--default-interpreter" -> command.defaultInterpreter = value;
        case "--spark-init" -> command.sparkInit = SparkStartMode.parse(value);
        case "--progress" -> {
          Optional<Boolean> progress = onOff(value);
          if (progress.isEmpty()) {
            return false;
          }
          command.progress = progress.get();
        }
        case "--conf" -> {
          int equals = value.indexOf('=');
          if (equals < 1) {
            return false;
          }
          command.conf.put(value.substring(0, equals), value.substring(equals + 1));
        }
        default -> {
          return false;
        }
      }
      return true;
    } catch (IllegalArgumentException e) { // InvalidPathException included
      return false;
    }
  }
}
