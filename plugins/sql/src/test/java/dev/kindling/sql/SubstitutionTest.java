package dev.kindling.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubstitutionTest {

  private final List<String> asked = new ArrayList<>();

  private final Substitution.Values values =
      new Substitution.Values() {
        private final Map<String, String> known = Map.of("limit", "3", "who", "Ada");

        @Override
        public String variable(String name) throws SubstitutionException {
          asked.add("$" + name);
          String value = known.get(name);
          if (value == null) {
            throw new SubstitutionException("no " + name);
          }
          return value;
        }

        @Override
        public String expression(String expression) {
          asked.add("${" + expression + "}");
          return "<" + expression + ">";
        }
      };

  @Test
  void namesAndExpressionsAreReplacedEverywhere() throws Exception {
    assertThat(
            Substitution.apply(
                "SELECT * FROM t WHERE name = '$who' AND n < ${limit * 2} LIMIT $limit", values))
        .isEqualTo("SELECT * FROM t WHERE name = 'Ada' AND n < <limit * 2> LIMIT 3");
    assertThat(asked).containsExactly("$who", "${limit * 2}", "$limit");
  }

  @Test
  void doubleDollarIsALiteralDollar() throws Exception {
    assertThat(Substitution.apply("SELECT '$$who', '$${x}'", values))
        .isEqualTo("SELECT '$who', '${x}'");
    assertThat(asked).isEmpty();
  }

  @Test
  void aDollarBeforeAnythingElseStays() throws Exception {
    assertThat(Substitution.apply("SELECT '$ 5', '$1', 'a$'", values))
        .isEqualTo("SELECT '$ 5', '$1', 'a$'");
    assertThat(asked).isEmpty();
  }

  @Test
  void expressionsMayHoldBracesAndQuotedBraces() throws Exception {
    assertThat(Substitution.apply("${Map(1 -> \"}\").size}x", values))
        .isEqualTo("<Map(1 -> \"}\").size>x");
  }

  @Test
  void theNameEndsAtTheFirstCharacterThatCannotBeInIt() throws Exception {
    assertThat(Substitution.apply("$who.x,$limit)", values)).isEqualTo("Ada.x,3)");
  }

  @Test
  void unknownNamesAndBrokenExpressionsFail() {
    assertThatThrownBy(() -> Substitution.apply("SELECT $nobody", values))
        .isInstanceOf(SubstitutionException.class)
        .hasMessage("no nobody");
    assertThatThrownBy(() -> Substitution.apply("SELECT 1,\n${oops", values))
        .isInstanceOf(SubstitutionException.class)
        .hasMessageContaining("line 2 has no closing }");
    assertThatThrownBy(() -> Substitution.apply("${ }", values))
        .isInstanceOf(SubstitutionException.class)
        .hasMessageContaining("empty ${}");
  }
}
