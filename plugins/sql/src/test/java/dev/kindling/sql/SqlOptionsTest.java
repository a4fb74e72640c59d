package dev.kindling.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.MagicUsageException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlOptionsTest {

  @Test
  void noArgumentsMeanTheDefaults() {
    SqlOptions options = SqlOptions.parse("");
    assertThat(options.limit()).isEmpty();
    assertThat(options.output()).isEqualTo(ResultFormat.HTML);
    assertThat(options.variable()).isEmpty();
    assertThat(options.chart()).isEmpty();
  }

  @Test
  void everyOptionWithSpaceOrEquals() {
    SqlOptions options =
        SqlOptions.parse(
            "--limit 5 --output=JSON --var top --chart bar --x name --y=\"total sales\"");
    assertThat(options.limit()).contains(5);
    assertThat(options.output()).isEqualTo(ResultFormat.JSON);
    assertThat(options.variable()).contains("top");
    assertThat(options.chart()).isEqualTo(Optional.of(new Chart("bar", "name", "total sales")));
  }

  @Test
  void scatterIsDrawnWithPoints() {
    assertThat(SqlOptions.parse("--chart scatter --x a --y b").chart().orElseThrow().mark())
        .isEqualTo("point");
  }

  @Test
  void wrongArgumentsAreUsageErrors() {
    assertUsage("--limit", "--limit needs a value");
    assertUsage("--limit 0", "--limit must be a positive number, not '0'");
    assertUsage("--limit ten", "--limit must be a positive number, not 'ten'");
    assertUsage("--output xml", "--output must be one of html|text|json|csv, not 'xml'");
    assertUsage("--bogus 1", "unknown option --bogus");
    assertUsage("stray", "unexpected argument 'stray'");
    assertUsage("--limit 1 --limit 2", "--limit is given twice");
    assertUsage("--var 1abc", "--var needs a name");
    assertUsage("--chart bar --x a", "--chart needs --y");
    assertUsage("--chart pie --x a --y b", "--chart must be one of bar|line|scatter|area");
    assertUsage("--x a", "--x and --y go with --chart");
    assertUsage("--var 'open", "unclosed quote");
  }

  private static void assertUsage(String arguments, String message) {
    assertThatThrownBy(() -> SqlOptions.parse(arguments))
        .isInstanceOf(MagicUsageException.class)
        .hasMessageContaining(message);
  }
}
