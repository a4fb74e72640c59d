package dev.kindling.kernel.kernelspec;

import dev.kindling.kernel.KindlingVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns install settings into kernelspecs, one per interpreter.
 *
 * <p>Naming: the kernel name is {@code PREFIX_INTERPRETER} in lower case ({@code kindling_scala};
 * with {@code --kernel-name team}, {@code team_scala}). The display name is {@code Kindling
 * (Scala)}, or {@code Kindling team (Scala)} with a prefix of one's own.
 */
public final class KernelSpecFactory {

  private KernelSpecFactory() {}

  public static List<KernelSpec> specs(InstallSettings settings) {
    List<KernelSpec> specs = new ArrayList<>();
    for (KindlingInterpreter interpreter : settings.interpreters()) {
      specs.add(spec(settings, interpreter));
    }
    return List.copyOf(specs);
  }

  static KernelSpec spec(InstallSettings settings, KindlingInterpreter interpreter) {
    String prefix = settings.kernelNamePrefix();
    String title =
        prefix.equals(InstallSettings.DEFAULT_PREFIX) ? "Kindling" : "Kindling " + prefix;
    return new KernelSpec(
        prefix + "_" + interpreter.kernelNameSuffix(),
        title + " (" + interpreter.name() + ")",
        interpreter.language(),
        argv(settings, interpreter),
        env(settings),
        Map.of(
            KernelSpec.METADATA_KEY,
            Map.of("interpreter", interpreter.name(), "version", KindlingVersion.get())));
  }

  private static List<String> argv(InstallSettings settings, KindlingInterpreter interpreter) {
    List<String> argv = new ArrayList<>();
    argv.add(settings.launcher().toString());
    argv.add("kernel");
    argv.add("-f");
    argv.add("{connection_file}");
    argv.add("--default-interpreter");
    argv.add(interpreter.name());
    settings
        .pluginsDir()
        .ifPresent(dir -> argv.addAll(List.of("--plugins-dir", dir.toAbsolutePath().toString())));
    settings.sparkInit().ifPresent(mode -> argv.addAll(List.of("--spark-init", mode)));
    Map<String, String> conf = new LinkedHashMap<>(new TreeMap<>(settings.conf()));
    settings.python().ifPresent(python -> conf.put(InstallSettings.PYTHON_CONF_KEY, python));
    conf.forEach((key, value) -> argv.addAll(List.of("--conf", key + "=" + value)));
    return argv;
  }

  private static Map<String, String> env(InstallSettings settings) {
    Map<String, String> env = new TreeMap<>();
    settings.sparkHome().ifPresent(home -> env.put("SPARK_HOME", home.toAbsolutePath().toString()));
    settings.sparkOpts().ifPresent(opts -> env.put("SPARK_OPTS", opts));
    settings.python().ifPresent(python -> env.put("PYSPARK_PYTHON", python));
    return env;
  }
}
