package dev.kindling.scala;

import dev.kindling.api.Comms;
import dev.kindling.api.Configuration;
import dev.kindling.api.Display;
import dev.kindling.api.Interpreters;
import dev.kindling.api.KernelContext;
import dev.kindling.api.Magics;
import dev.kindling.api.Stdin;
import dev.kindling.api.spark.SparkRuntime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/** A kernel context whose settings ({@code --conf}) a test can change; the rest is delegated. */
final class ConfiguredKernelContext implements KernelContext {

  private final KernelContext delegate;
  private final Map<String, String> settings;

  ConfiguredKernelContext(KernelContext delegate, Map<String, String> settings) {
    this.delegate = delegate;
    this.settings = settings;
  }

  @Override
  public Configuration configuration() {
    return new Configuration() {
      @Override
      public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key));
      }

      @Override
      public Map<String, String> asMap() {
        return Map.copyOf(settings);
      }
    };
  }

  @Override
  public Display display() {
    return delegate.display();
  }

  @Override
  public Comms comms() {
    return delegate.comms();
  }

  @Override
  public Magics magics() {
    return delegate.magics();
  }

  @Override
  public Interpreters interpreters() {
    return delegate.interpreters();
  }

  @Override
  public Stdin stdin() {
    return delegate.stdin();
  }

  @Override
  public ConcurrentMap<String, Object> data() {
    return delegate.data();
  }

  @Override
  public SparkRuntime spark() {
    return delegate.spark();
  }

  @Override
  public String kernelVersion() {
    return delegate.kernelVersion();
  }
}
