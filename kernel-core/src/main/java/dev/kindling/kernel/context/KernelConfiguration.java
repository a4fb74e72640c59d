package dev.kindling.kernel.context;

import dev.kindling.api.Configuration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Settings from {@code --conf key=value}, which magics may change while the kernel runs ({@code
 * %showtypes on}, for example). Thread-safe.
 */
public final class KernelConfiguration implements Configuration {

  private final Map<String, String> settings;

  public KernelConfiguration(Map<String, String> settings) {
    this.settings = new ConcurrentHashMap<>(settings);
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  @Override
  public Map<String, String> asMap() {
    return Map.copyOf(settings);
  }

  @Override
  public void set(String key, String value) {
    settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
  }
}
