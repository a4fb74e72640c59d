package dev.kindling.magics;

import dev.kindling.api.ExecutionResult;
import dev.kindling.api.KernelContext;
import dev.kindling.api.LineMagic;
import dev.kindling.api.MagicUsageException;
import java.util.Locale;

/**
 * A Toree-style switch: {@code %name on}, {@code %name off}, or {@code %name} alone to show the
 * state. The state is a kernel setting ({@code true}/{@code false}) that the code it affects reads
 * each time, so a change applies from the next cell on, to every language.
 */
abstract class ToggleMagic implements LineMagic {

  private final String name;
  private final String setting;
  private final boolean defaultValue;
  private final String effect;

  /**
   * @param effect what "on" does, completing "When on, ..."
   */
  ToggleMagic(String name, String setting, boolean defaultValue, String effect) {
    this.name = name;
    this.setting = setting;
    this.defaultValue = defaultValue;
    this.effect = effect;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String usage() {
    return "%"
        + name
        + " [on|off]\n\nWhen on, "
        + effect
        + "\nDefault: "
        + (defaultValue ? "on" : "off")
        + ". Without an argument, shows the state. Kernel setting: "
        + setting
        + ".";
  }

  /** The setting this switch keeps. */
  final String setting() {
    return setting;
  }

  /** Whether the switch is on under the kernel's current settings. */
  final boolean isOn(KernelContext context) {
    return context
        .configuration()
        .get(setting)
        .map(v -> v.strip().equalsIgnoreCase("true"))
        .orElse(defaultValue);
  }

  @Override
  public final ExecutionResult run(String arguments, KernelContext context) {
    String argument = arguments.strip().toLowerCase(Locale.ROOT);
    switch (argument) {
      case "" -> {
        return ExecutionResult.value(state(isOn(context)));
      }
      case "on" -> context.configuration().set(setting, "true");
      case "off" -> context.configuration().set(setting, "false");
      default -> throw new MagicUsageException("expected on or off, not '" + arguments + "'");
    }
    return ExecutionResult.value(state(isOn(context)));
  }

  private String state(boolean on) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT)
        + name.substring(1)
        + " is "
        + (on ? "on" : "off");
  }
}
