package dev.kindling.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void statementsAreSplitAtSemicolonsOutsideQuotesAndComments() {
    SqlScript script =
        SqlScript.parse("SELECT 'a;b';\n-- c;d\nSELECT \"e;f\" /* g;h */ ;\n\nSELECT `i;j`");
    assertThat(script.statements())
        .extracting(SqlScript.Statement::text)
        .containsExactly("SELECT 'a;b'", "SELECT \"e;f\" /* g;h */ ", "SELECT `i;j`");
    assertThat(script.statements()).extracting(SqlScript.Statement::line).containsExactly(1, 3, 5);
    assertThat(script.terminated()).isFalse();
  }

  @Test
  void emptyAndCommentOnlyPiecesAreDropped() {
    assertThat(SqlScript.parse(" ;; -- nothing\n/* here */;").statements()).isEmpty();
    assertThat(SqlScript.parse("SELECT 1;").terminated()).isTrue();
  }

  @Test
  void doubledQuotesAndBackslashesStayInTheString() {
    assertThat(SqlScript.parse("SELECT 'it''s; fine', 'a\\'; b'").statements())
        .extracting(SqlScript.Statement::text)
        .isEqualTo(List.of("SELECT 'it''s; fine', 'a\\'; b'"));
  }

  @Test
  void openQuotesCommentsAndParenthesesAreReported() {
    assertThat(SqlScript.parse("SELECT 'x").openQuote()).isEqualTo('\'');
    assertThat(SqlScript.parse("SELECT /* /* nested */ still open").openComment()).isTrue();
    assertThat(SqlScript.parse("SELECT /* /* nested */ */ 1").openComment()).isFalse();
    assertThat(SqlScript.parse("SELECT ((1)").parenDepth()).isEqualTo(1);
    assertThat(SqlScript.parse("SELECT 1) + (2").parenDepth()).isEqualTo(-1);
  }
}
