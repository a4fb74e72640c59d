package dev.kindling.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.ExecutionResult;
import dev.kindling.api.MagicUsageException;
import dev.kindling.kernel.plugin.FakeKernelContext;
import org.junit.jupiter.api.Test;

class ToggleMagicTest {

  private final FakeKernelContext context = new FakeKernelContext();

  private static Object value(ExecutionResult result) {
    return ((ExecutionResult.Value) result).value();
  }

  @Test
  void noArgumentShowsTheDefaultState() {
    assertThat(value(new ShowOutputMagic().run("", context))).isEqualTo("Showoutput is on");
    assertThat(value(new ShowTypesMagic().run("", context))).isEqualTo("Showtypes is off");
    assertThat(value(new TruncationMagic().run("", context))).isEqualTo("Truncation is off");
  }

  @Test
  void onAndOffAreStoredInTheKernelSettings() {
    new ShowTypesMagic().run("ON", context);
    assertThat(context.configuration().get(ShowTypesMagic.SETTING)).contains("true");
    assertThat(value(new ShowTypesMagic().run("", context))).isEqualTo("Showtypes is on");
    new ShowOutputMagic().run("off", context);
    assertThat(context.configuration().get("kindling.scala.echo")).contains("false");
    new TruncationMagic().run("on", context);
    assertThat(context.configuration().get("kindling.display.truncate")).contains("true");
  }

  @Test
  void anythingElseIsAUsageError() {
    assertThatThrownBy(() -> new TruncationMagic().run("maybe", context))
        .isInstanceOf(MagicUsageException.class)
        .hasMessageContaining("expected on or off");
    assertThat(new TruncationMagic().usage()).contains("%truncation [on|off]", "Default: off");
  }
}
