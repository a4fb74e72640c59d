package dev.kindling.kernel.kernelspec;

import java.util.List;
import java.util.Map;

/**
 * One Jupyter kernelspec: the directory name Jupyter knows the kernel by and the contents of its
 * {@code kernel.json}. Kindling's specs always use {@code interrupt_mode: message}: a JVM must not
 * receive SIGINT.
 *
 * @param name the kernel name (the spec's directory name), for example {@code kindling_scala}
 * @param displayName what front ends show, for example {@code Kindling (Scala)}
 * @param language the language front ends group the kernel under
 * @param argv the command line, with the {@code {connection_file}} placeholder
 * @param env environment variables set for the kernel
 * @param metadata the spec's {@code metadata}; Kindling's carry a {@code kindling} entry
 */
public record KernelSpec(
    String name,
    String displayName,
    String language,
    List<String> argv,
    Map<String, String> env,
    Map<String, Object> metadata) {

  /** The metadata key that marks a kernelspec as one Kindling wrote. */
  public static final String METADATA_KEY = "kindling";

  public KernelSpec {
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
    metadata = Map.copyOf(metadata);
  }
}
