package dev.kindling.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.MagicUsageException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class DependencyArgumentsTest {

  @Test
  void theThreeCoordinateForms() {
    assertThat(DependencyArguments.parse("a.b:c:1.0", "2.13").coordinate())
        .isEqualTo(new Coordinate("a.b", "c", "1.0"));
    assertThat(DependencyArguments.parse("a.b::c:1.0", "2.13").coordinate())
        .isEqualTo(new Coordinate("a.b", "c_2.13", "1.0"));
    assertThat(DependencyArguments.parse("a.b c 1.0", "2.13").coordinate())
        .isEqualTo(new Coordinate("a.b", "c", "1.0"));
  }

  @Test
  void optionsInAnyOrderAndRepeated() {
    DependencyArguments parsed =
        DependencyArguments.parse(
            "--intransitive a:b:1 --repository file:///r1 --repository=https://r2/maven"
                + " --exclude x --exclude y:z --verbose",
            "2.13");
    assertThat(parsed.transitive()).isFalse();
    assertThat(parsed.verbose()).isTrue();
    assertThat(parsed.repositories())
        .containsExactly(URI.create("file:///r1"), URI.create("https://r2/maven"));
    assertThat(parsed.excludes())
        .containsExactly(new Coordinate.Exclude("x", "*"), new Coordinate.Exclude("y", "z"));
    assertThat(DependencyArguments.parse("a:b:1", "2.13").transitive()).isTrue();
  }

  @Test
  void wrongArgumentsAreUsageErrors() {
    assertThatThrownBy(() -> DependencyArguments.parse("", "2.13"))
        .isInstanceOf(MagicUsageException.class);
    assertThatThrownBy(() -> DependencyArguments.parse("a:b", "2.13"))
        .hasMessageContaining("not a coordinate: a:b");
    assertThatThrownBy(() -> DependencyArguments.parse("a:b:1 --repository", "2.13"))
        .hasMessageContaining("--repository needs a value");
    assertThatThrownBy(() -> DependencyArguments.parse("a:b:1 --repository ftp://x", "2.13"))
        .hasMessageContaining("not a repository URL");
    assertThatThrownBy(() -> DependencyArguments.parse("a:b:1 --exclude a:b:c", "2.13"))
        .hasMessageContaining("not an exclusion");
    assertThatThrownBy(() -> DependencyArguments.parse("a:b:1 -x", "2.13"))
        .hasMessageContaining("unknown option -x");
  }
}
