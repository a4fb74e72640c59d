package dev.kindling.api;

import dev.kindling.api.spark.SparkRuntime;
import java.util.concurrent.ConcurrentMap;

/**
 * What the kernel offers to plugins, handed to {@link InterpreterFactory#create} and to magics.
 * Every service here is thread-safe.
 */
public interface KernelContext {

  /** Rich output for the running cell. */
  Display display();

  /** Comms: register targets, open comms from the kernel side. */
  Comms comms();

  /** The loaded magics. */
  Magics magics();

  /** The interpreters available in this kernel. */
  Interpreters interpreters();

  /** Input from the user through the front end. */
  Stdin stdin();

  /**
   * A map shared by every interpreter and magic in the kernel, for passing values between languages
   * ({@code kernel.data} in notebooks).
   */
  ConcurrentMap<String, Object> data();

  /** The kernel's SparkSession and the driver's state. */
  SparkRuntime spark();

  /** Kernel settings. */
  Configuration configuration();

  /**
   * Starts and proxies child Jupyter kernels, for languages that run in a process of their own
   * (Python, R). Contexts that cannot do that return {@link ChildKernels#unsupported()}.
   */
  default ChildKernels childKernels() {
    return ChildKernels.unsupported();
  }

  /**
   * Jars added while the kernel runs, shared by every JVM interpreter and Spark's executors.
   * Contexts that cannot add jars return {@link KernelClasspath#unsupported()}.
   */
  default KernelClasspath classpath() {
    return KernelClasspath.unsupported();
  }

  /** The Kindling version running this plugin. */
  String kernelVersion();
}
