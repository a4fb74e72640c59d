package dev.kindling.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.Completion;
import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.MimeBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL interpreter on a real local SparkSession: cells, completion against the catalog. */
class SqlInterpreterIT {

  private static SqlInterpreter sql;

  @BeforeAll
  static void start() throws Exception {
    sql = (SqlInterpreter) new SqlInterpreterFactory().create(SqlMagicIT.context);
    run(
        "CREATE OR REPLACE TEMPORARY VIEW completion_people AS"
            + " SELECT 'Ada' AS name, 36 AS age, 'London' AS city");
  }

  private static ExecutionResult run(String code) throws Exception {
    return sql.execute(new ExecutionRequest(code, 1, false, true, false));
  }

  @Test
  void cellsAreSqlAndTheLastResultIsShown() throws Exception {
    ExecutionResult result = run("SELECT 1 AS one; SELECT name FROM completion_people");
    MimeBundle bundle = (MimeBundle) ((ExecutionResult.Value) result).value();
    assertThat((String) bundle.data().get("text/plain")).contains("| Ada|");
    assertThat(run("-- only a comment")).isEqualTo(ExecutionResult.empty());
  }

  @Test
  void keywordsFollowTheCaseTyped() {
    assertThat(complete("SEL").matches()).contains("SELECT");
    assertThat(complete("select 1 whe").matches()).containsExactlyInAnyOrder("when", "where");
  }

  @Test
  void tablesAndViewsFromTheCatalog() {
    Completion completion = complete("SELECT * FROM completion_pe");
    assertThat(completion.matches()).containsExactly("completion_people");
    assertThat(completion.start()).isEqualTo("SELECT * FROM ".length());
    assertThat(completion.end()).isEqualTo("SELECT * FROM completion_pe".length());
  }

  @Test
  void columnsAfterTheTableNameAndDot() {
    Completion completion = complete("SELECT completion_people.c");
    assertThat(completion.matches()).containsExactly("city");
    assertThat(completion.start()).isEqualTo("SELECT completion_people.".length());
  }

  @Test
  void columnsAfterAnAliasAndDot() {
    String code = "SELECT p.na FROM completion_people AS p";
    assertThat(sql.complete(code, "SELECT p.na".length()).matches()).containsExactly("name");
    code = "SELECT q.ci FROM completion_people q JOIN other";
    assertThat(sql.complete(code, "SELECT q.ci".length()).matches()).containsExactly("city");
  }

  @Test
  void columnsOfTheTablesTheCellNames() {
    String code = "SELECT ag FROM completion_people";
    Completion completion = sql.complete(code, "SELECT ag".length());
    assertThat(completion.matches()).contains("age").contains("aggregate");
  }

  @Test
  void isCompleteUsesTheStatement() {
    assertThat(sql.isComplete("SELECT (1").status())
        .isEqualTo(dev.kindling.api.CodeCompleteness.Status.INCOMPLETE);
    assertThat(sql.isComplete("SELECT 1").status())
        .isEqualTo(dev.kindling.api.CodeCompleteness.Status.COMPLETE);
  }

  private static Completion complete(String code) {
    return sql.complete(code, code.length());
  }
}
