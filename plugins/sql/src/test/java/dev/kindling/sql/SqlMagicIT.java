package dev.kindling.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.api.ExecutionRequest;
import dev.kindling.api.ExecutionResult;
import dev.kindling.api.MagicUsageException;
import dev.kindling.api.MimeBundle;
import dev.kindling.kernel.plugin.FakeKernelContext;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code %%sql} and {@code %%dataframe} on a real local SparkSession (no Scala interpreter). */
class SqlMagicIT {

  static final FakeKernelContext context = new FakeKernelContext();
  private final SqlMagic sql = new SqlMagic();
  private final DataFrameMagic dataframe = new DataFrameMagic();

  @BeforeAll
  static void createView() throws Exception {
    ok(
        new SqlMagic()
            .run(
                "",
                "CREATE OR REPLACE TEMPORARY VIEW sales AS"
                    + " SELECT * FROM VALUES ('north', 10), ('south', 25), ('east', 7)"
                    + " AS t(region, total)",
                cell(),
                context));
  }

  static ExecutionRequest cell() {
    return new ExecutionRequest("", 1, false, true, false);
  }

  static MimeBundle ok(ExecutionResult result) {
    assertThat(result).isInstanceOf(ExecutionResult.Value.class);
    return (MimeBundle) ((ExecutionResult.Value) result).value();
  }

  static ExecutionResult.Error error(ExecutionResult result) {
    assertThat(result).isInstanceOf(ExecutionResult.Error.class);
    return (ExecutionResult.Error) result;
  }

  @Test
  void aQueryShowsAnHtmlAndATextTable() throws Exception {
    MimeBundle bundle =
        ok(sql.run("", "SELECT region, total FROM sales ORDER BY total", cell(), context));
    assertThat(bundle.data().keySet()).containsExactly("text/html", "text/plain");
    assertThat(bundle.data().get("text/plain"))
        .isEqualTo(
            String.join(
                "\n",
                "+------+-----+",
                "|region|total|",
                "+------+-----+",
                "|  east|    7|",
                "| north|   10|",
                "| south|   25|",
                "+------+-----+"));
    assertThat((String) bundle.data().get("text/html"))
        .startsWith("<table class=\"kindling-dataframe\"><thead><tr><th>region</th>")
        .contains("<tr><td>east</td><td>7</td></tr>");
  }

  @Test
  void limitCapsTheRowsAndSaysSo() throws Exception {
    MimeBundle bundle =
        ok(sql.run("--limit 2", "SELECT * FROM sales ORDER BY total", cell(), context));
    assertThat((String) bundle.data().get("text/plain"))
        .endsWith("| north|   10|\n+------+-----+\nshowing first 2 rows");
    assertThat((String) bundle.data().get("text/html")).endsWith("<p>showing first 2 rows</p>");
  }

  @Test
  void theKernelsMaxRowsIsTheDefaultLimit() throws Exception {
    FakeKernelContext limited =
        new FakeKernelContext().withSetting(SqlRunner.MAX_ROWS_SETTING, "1");
    MimeBundle bundle = ok(sql.run("", "SELECT * FROM range(5)", cell(), limited));
    assertThat((String) bundle.data().get("text/plain")).endsWith("showing first 1 row");
  }

  @Test
  void ddlSaysOkAndEmptyResultsSayZeroRows() throws Exception {
    assertThat(
            ok(sql.run(
                    "",
                    "CREATE OR REPLACE TEMPORARY VIEW nothing AS SELECT 1 AS x",
                    cell(),
                    context))
                .data())
        .isEqualTo(Map.of("text/plain", "OK"));
    MimeBundle empty = ok(sql.run("", "SELECT * FROM sales WHERE total > 100", cell(), context));
    assertThat((String) empty.data().get("text/plain")).endsWith("0 rows");
  }

  @Test
  void severalStatementsShowTheLastResult() throws Exception {
    MimeBundle bundle =
        ok(
            sql.run(
                "",
                "CREATE OR REPLACE TEMPORARY VIEW two AS SELECT 2 AS n;\nSELECT n * 21 AS answer FROM two;",
                cell(),
                context));
    assertThat((String) bundle.data().get("text/plain")).contains("|    42|");
  }

  @Test
  void jsonAndCsvOutputs() throws Exception {
    MimeBundle json =
        ok(sql.run("--output json", "SELECT * FROM sales ORDER BY total", cell(), context));
    assertThat(json.data().get("application/json"))
        .isEqualTo(
            Map.of(
                "columns",
                List.of("region", "total"),
                "rows",
                List.of(List.of("east", 7), List.of("north", 10), List.of("south", 25)),
                "truncated",
                false));
    MimeBundle csv =
        ok(
            sql.run(
                "--output csv",
                "SELECT 'a,b' AS s, CAST(NULL AS INT) AS n, 'say \"hi\"' AS q",
                cell(),
                context));
    assertThat(csv.data().get("text/csv")).isEqualTo("s,n,q\r\n\"a,b\",,\"say \"\"hi\"\"\"\r\n");
    MimeBundle text = ok(sql.run("--output text", "SELECT 1 AS x", cell(), context));
    assertThat(text.data().keySet()).containsExactly("text/plain");
  }

  @Test
  void chartAddsAVegaLiteSpecWithTheRowsInlined() throws Exception {
    MimeBundle bundle =
        ok(
            sql.run(
                "--chart bar --x region --y total",
                "SELECT * FROM sales ORDER BY total",
                cell(),
                context));
    @SuppressWarnings("unchecked")
    Map<String, Object> spec =
        (Map<String, Object>) bundle.data().get("application/vnd.vegalite.v5+json");
    assertThat(spec.get("$schema")).isEqualTo("https://vega.github.io/schema/vega-lite/v5.json");
    assertThat(spec.get("mark")).isEqualTo(Map.of("type", "bar", "tooltip", true));
    assertThat(spec.get("data"))
        .isEqualTo(
            Map.of(
                "values",
                List.of(
                    Map.of("region", "east", "total", 7),
                    Map.of("region", "north", "total", 10),
                    Map.of("region", "south", "total", 25))));
    assertThat(spec.get("encoding"))
        .isEqualTo(
            Map.of(
                "x", Map.of("field", "region", "type", "nominal"),
                "y", Map.of("field", "total", "type", "quantitative")));
    assertThat(bundle.data()).containsKeys("text/html", "text/plain");
  }

  @Test
  void aChartOfAMissingColumnIsAUsageError() {
    assertThatThrownBy(
            () ->
                sql.run("--chart line --x nope --y total", "SELECT * FROM sales", cell(), context))
        .isInstanceOf(MagicUsageException.class)
        .hasMessageContaining("--x nope is not a column of the result; columns: [region, total]");
  }

  @Test
  void syntaxErrorsGiveTheParsersMessageWithThePosition() throws Exception {
    ExecutionResult.Error error =
        error(sql.run("", "SELECT 1 AS ok;\n\nSELECT * FRM sales", cell(), context));
    assertThat(error.name()).isEqualTo("ParseException");
    assertThat(error.message()).contains("Syntax error at or near 'sales'").contains("pos 13");
    assertThat(error.traceback().get(0))
        .isEqualTo("in statement 2 of 2 (starting at line 3 of the cell):");
    // the session is intact
    assertThat(ok(sql.run("", "SELECT count(*) AS n FROM sales", cell(), context)).data())
        .containsKey("text/html");
  }

  @Test
  void analysisErrorsNameTheMissingTable() throws Exception {
    ExecutionResult.Error error =
        error(sql.run("", "SELECT * FROM no_such_table", cell(), context));
    assertThat(error.name()).isEqualTo("AnalysisException");
    assertThat(error.message()).contains("TABLE_OR_VIEW_NOT_FOUND").contains("no_such_table");
  }

  @Test
  void runtimeErrorsNameSparksError() throws Exception {
    ExecutionResult.Error error =
        error(sql.run("", "SELECT 1 / id AS x FROM range(0, 1)", cell(), context));
    assertThat(error.name()).isEqualTo("SparkArithmeticException");
    assertThat(error.message()).contains("DIVIDE_BY_ZERO");
  }

  @Test
  void datesAndTimestampsAreIsoTextInJson() throws Exception {
    MimeBundle json =
        ok(
            sql.run(
                "--output json",
                "SELECT DATE'2024-02-29' AS d, TIMESTAMP'2024-02-29 13:45:00' AS t",
                cell(),
                context));
    assertThat(json.data().get("application/json"))
        .isEqualTo(
            Map.of(
                "columns",
                List.of("d", "t"),
                "rows",
                List.of(List.of("2024-02-29", "2024-02-29T13:45")),
                "truncated",
                false));
  }

  @Test
  void varKeepsTheDataFrameInKernelData() throws Exception {
    ok(sql.run("--var big_sales", "SELECT * FROM sales WHERE total > 8", cell(), context));
    assertThat(context.data().get("big_sales")).isInstanceOf(Dataset.class);
    assertThat(((Dataset<?>) context.data().get("big_sales")).count()).isEqualTo(2);
  }

  @Test
  void kernelDataValuesAreSubstitutedWithoutScala() throws Exception {
    context.data().put("min_total", 20);
    MimeBundle bundle =
        ok(
            sql.run(
                "",
                "SELECT region, '$$x' AS d FROM sales WHERE total > $min_total AND total < ${min_total} + 10",
                cell(),
                context));
    assertThat((String) bundle.data().get("text/plain")).contains("| south| $x|");
    ExecutionResult.Error missing = error(sql.run("", "SELECT $nobody", cell(), context));
    assertThat(missing.name()).isEqualTo("SubstitutionError");
    assertThat(missing.message())
        .isEqualTo("$nobody: no kernel.data entry named 'nobody' (write $$ for a literal $)");
  }

  @Test
  void anEmptyCellIsAUsageError() {
    assertThatThrownBy(() -> sql.run("", "  -- nothing\n", cell(), context))
        .isInstanceOf(MagicUsageException.class)
        .hasMessage("no SQL statement in the cell");
  }

  @Test
  void dataframeShowsAKernelDataFrameOrAQuery() throws Exception {
    context.data().put("frame", context.spark().session().range(3).toDF("n"));
    MimeBundle named = ok(dataframe.run("--limit=2", "frame", cell(), context));
    assertThat((String) named.data().get("text/plain")).endsWith("showing first 2 rows");
    MimeBundle query =
        ok(
            dataframe.run(
                "--output=csv", "SELECT region FROM sales ORDER BY region", cell(), context));
    assertThat(query.data().get("text/csv")).isEqualTo("region\r\neast\r\nnorth\r\nsouth\r\n");
    assertThatThrownBy(() -> dataframe.run("--output=xml", "frame", cell(), context))
        .isInstanceOf(MagicUsageException.class);
  }
}
