package dev.kindling.kernel.context;

import dev.kindling.api.ChildKernels;
import dev.kindling.api.Comms;
import dev.kindling.api.Configuration;
import dev.kindling.api.Display;
import dev.kindling.api.Interpreters;
import dev.kindling.api.KernelClasspath;
import dev.kindling.api.KernelContext;
import dev.kindling.api.Magics;
import dev.kindling.api.Stdin;
import dev.kindling.api.spark.SparkRuntime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The {@link KernelContext} handed to plugins: the kernel's services, each thread-safe. */
public record KernelServices(
    Display display,
    Comms comms,
    Magics magics,
    Interpreters interpreters,
    Stdin stdin,
    SparkRuntime spark,
    ConcurrentMap<String, Object> data,
    Configuration configuration,
    String kernelVersion,
    ChildKernels childKernels,
    KernelClasspath classpath)
    implements KernelContext {

  public KernelServices(
      Display display,
      Comms comms,
      Magics magics,
      Interpreters interpreters,
      Stdin stdin,
      SparkRuntime spark,
      Configuration configuration,
      String kernelVersion,
      ChildKernels childKernels,
      KernelClasspath classpath) {
    this(
        display,
        comms,
        magics,
        interpreters,
        stdin,
        spark,
        new ConcurrentHashMap<>(),
        configuration,
        kernelVersion,
        childKernels,
        classpath);
  }
}
