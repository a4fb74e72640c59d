package dev.kindling.kernel.context;

import dev.kindling.api.Configuration;
import java.util.Map;
import java.util.Optional;

/** Settings from {@code --conf key=value}. Immutable. */
public record KernelConfiguration(Map<String, String> asMap) implements Configuration {

  public KernelConfiguration {
    asMap = Map.copyOf(asMap);
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(asMap.get(key));
  }
}
