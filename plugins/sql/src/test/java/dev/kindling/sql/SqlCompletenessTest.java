package dev.kindling.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.api.CodeCompleteness.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlCompletenessTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "SELECT 1",
        "SELECT 1;",
        "SELEC 1;",
        "select 'a;b' as s",
        "CREATE TEMPORARY VIEW v AS SELECT 1 AS x; SELECT * FROM v",
        "SELECT 1 -- a comment with ( and '",
        "SHOW TABLES",
        "SET spark.sql.shuffle.partitions=2",
        "-- only a comment",
        "SELECT * FROM $table WHERE x < ${limit * 2} AND y = '$$'"
      })
  void complete(String code) {
    assertThat(SqlCompleteness.of(code).status()).isEqualTo(Status.COMPLETE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 'unfinished",
        "SELECT \"unfinished",
        "SELECT `unfinished",
        "SELECT (1 + 2",
        "SELECT 1 +",
        "SELECT * FROM t WHERE x =",
        "SELECT 1 /* open",
        "SELECT 1; SELECT (",
        "SELECT 'it\\'s"
      })
  void incomplete(String code) {
    assertThat(SqlCompleteness.of(code).status()).isEqualTo(Status.INCOMPLETE);
    assertThat(SqlCompleteness.of(code).indent()).contains("");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELEC 1", "SELECT 1)", "DROP 5", "1 + 1"})
  void invalid(String code) {
    assertThat(SqlCompleteness.of(code).status()).isEqualTo(Status.INVALID);
  }
}
