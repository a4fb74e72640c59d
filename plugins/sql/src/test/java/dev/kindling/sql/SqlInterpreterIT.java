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
  void inspectingAFunctionShowsSparksDocumentation() {
    String shown = inspected("SELECT upper");
    assertThat(shown).contains("Usage: upper(str)").contains("Examples:");
    assertThat(inspected("SELECT UPPER(name) FROM completion_people", "SELECT UPP".length()))
        .contains("Usage: upper(str)");
  }

  @Test
  void inspectingInsideTheArgumentsShowsTheFunction() {
    assertThat(inspected("SELECT upper(")).contains("Usage: upper(str)");
    assertThat(inspected("SELECT upper(trim(x), nam")).contains("Usage: upper(str)");
    assertThat(inspected("SELECT upper(trim(")).contains("trim(str) - Removes");
  }

  @Test
  void inspectingATableListsItsColumnsAndTypes() {
    String shown = inspected("SELECT * FROM completion_people");
    assertThat(shown).startsWith("completion_people (temporary view)");
    assertThat(shown).containsPattern("name +string").containsPattern("age +int");
    // The cursor inside the name, as in JupyterLab's contextual help.
    assertThat(inspected("SELECT * FROM completion_people", "SELECT * FROM compl".length()))
        .startsWith("completion_people (temporary view)");
  }

  @Test
  void inspectingAColumnShowsItsType() {
    assertThat(inspected("SELECT completion_people.age"))
        .startsWith("age: int")
        .contains("a column of completion_people");
    String aliased = "SELECT p.city FROM completion_people p";
    assertThat(inspected(aliased, "SELECT p.city".length())).startsWith("city: string");
    String bare = "SELECT age FROM completion_people";
    assertThat(inspected(bare, "SELECT age".length())).startsWith("age: int");
  }

  @Test
  void keywordsAndUnknownNamesAreNotFound() {
    assertThat(sql.inspect("SELECT", 6, 0)).isEmpty();
    assertThat(sql.inspect("SELECT zzz_nothing_here", 23, 0)).isEmpty();
    assertThat(sql.inspect("", 0, 0)).isEmpty();
    assertThat(sql.inspect("SELECT no_such_fn(", 18, 0)).isEmpty();
  }

  private static String inspected(String code) {
    return inspected(code, code.length());
  }

  private static String inspected(String code, int cursor) {
    MimeBundle bundle = sql.inspect(code, cursor, 0).orElseThrow();
    return (String) bundle.data().get("text/plain");
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
