package dev.kindling.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to launch a child kernel, in the shape of a Jupyter kernelspec.
 *
 * @param name a short name for logs and messages, for example {@code PySpark}
 * @param argv the command line; the argument {@value #CONNECTION_FILE} is replaced by the path of
 *     the connection file the kernel writes for the child (for example {@code [python, -m,
 *     ipykernel_launcher, -f, {connection_file}]})
 * @param environment variables added to the kernel's own environment for the child
 * @param workingDirectory the child's working directory; the kernel's when empty
 * @param startupCode code the child runs silently after it starts (and after every restart), before
 *     any cell; a failure there fails the start with the child's error message
 * @param startTimeout how long to wait for the child to answer and run its start-up code
 * @param interruptMode how {@link ChildKernel#interrupt()} reaches the child, as a kernelspec's
 *     {@code interrupt_mode}
 */
public record ChildKernelSpec(
    String name,
    List<String> argv,
    Map<String, String> environment,
    Optional<Path> workingDirectory,
    Optional<String> startupCode,
    Duration startTimeout,
    InterruptMode interruptMode) {

  /** The argument replaced by the connection file's path. */
  public static final String CONNECTION_FILE = "{connection_file}";

  /** The start timeout when none is given. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

  /** How an interrupt reaches the child (a kernelspec's {@code interrupt_mode}). */
  public enum InterruptMode {
    /** An {@code interrupt_request} on the control channel (ipykernel). */
    MESSAGE,
    /**
     * SIGINT to the child process, for kernels that do not serve {@code interrupt_request} while
     * they run a cell (IRkernel).
     */
    SIGNAL
  }

  public ChildKernelSpec {
    Objects.requireNonNull(name, "name");
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv must name a program");
    }
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(startupCode, "startupCode");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(interruptMode, "interruptMode");
  }

  /**
   * A spec with no extra environment, no start-up code, the default timeout and interrupts by
   * message.
   */
  public static ChildKernelSpec of(String name, List<String> argv) {
    return new ChildKernelSpec(
        name,
        argv,
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_START_TIMEOUT,
        InterruptMode.MESSAGE);
  }

  /** A copy with these extra environment variables. */
  public ChildKernelSpec withEnvironment(Map<String, String> variables) {
    return new ChildKernelSpec(
        name, argv, variables, workingDirectory, startupCode, startTimeout, interruptMode);
  }

  /** A copy that runs {@code code} after each start. */
  public ChildKernelSpec withStartupCode(String code) {
    return new ChildKernelSpec(
        name, argv, environment, workingDirectory, Optional.of(code), startTimeout, interruptMode);
  }

  /** A copy with another start timeout. */
  public ChildKernelSpec withStartTimeout(Duration timeout) {
    return new ChildKernelSpec(
        name, argv, environment, workingDirectory, startupCode, timeout, interruptMode);
  }

  /** A copy that interrupts the child this way. */
  public ChildKernelSpec withInterruptMode(InterruptMode mode) {
    return new ChildKernelSpec(
        name, argv, environment, workingDirectory, startupCode, startTimeout, mode);
  }
}
