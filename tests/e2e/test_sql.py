"""Spark SQL as notebook users meet it (issue 6): ``%%sql`` and ``%%dataframe`` in Scala, test
language and PySpark notebooks, and the ``kindling_sql`` kernel where every cell is SQL.

Every kernel is the distribution's, driven through jupyter_client; one kernel per language for the
module (Spark takes seconds to start), left usable by each test.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import pytest

from harness import jupyter_env, paths
from harness.kernel import KernelSession
from harness.target import KINDLING, KINDLING_PYSPARK, SCALA, SQL

pytestmark = pytest.mark.kindling_only

SPARK_TIMEOUT = 180
VEGA = "application/vnd.vegalite.v5+json"
SQUARES = 'spark.range(10).selectExpr("id", "id * id AS square").createOrReplaceTempView("squares")'


def ok(kernel, code, timeout=60.0):
    ex = kernel.execute(code, timeout=timeout)
    assert ex.status == "ok", ex.describe()
    return ex


def result(ex) -> dict:
    (msg,) = ex.results
    return msg["content"]["data"]


def failed(kernel, code, timeout=60.0) -> dict:
    ex = kernel.execute(code, timeout=timeout)
    assert ex.status == "error", ex.describe()
    (error,) = ex.errors
    return error["content"]


def session_for(target, tmp_path_factory, name, first_cell):
    session = KernelSession(target, tmp_path_factory.mktemp("logs"), name=name)
    session.start(ready_timeout=120, run_prelude=False)
    ok(session, first_cell, timeout=SPARK_TIMEOUT)
    return session


# ------------------------------------------------------------------------------------ Scala


@pytest.fixture(scope="module")
def scala(target, tmp_path_factory):
    session = session_for(SCALA, tmp_path_factory, "scala-sql", SQUARES)
    yield session
    session.stop()


@pytest.fixture
def kernel(scala):
    scala.forget()
    return scala


def test_a_query_shows_an_html_and_a_text_table(kernel):
    data = result(ok(kernel, "%%sql\nSELECT 'Ada' AS name, 36 AS age"))
    assert data["text/plain"] == (
        "+----+---+\n|name|age|\n+----+---+\n| Ada| 36|\n+----+---+"
    )
    assert data["text/html"].startswith('<table class="kindling-dataframe">')
    assert "<td>Ada</td><td>36</td>" in data["text/html"]


def test_a_temp_view_made_in_scala_is_queried_in_sql_with_a_limit(kernel):
    ok(kernel, SQUARES)
    data = result(ok(kernel, "%%SQL --limit 3\nSELECT * FROM squares ORDER BY id"))
    assert data["text/plain"].endswith("|  2|     4|\n+---+------+\nshowing first 3 rows")


def test_ddl_says_ok_and_an_empty_result_says_zero_rows(kernel):
    data = result(ok(kernel, "%%sql\nCREATE OR REPLACE TEMPORARY VIEW nothing AS SELECT 1 AS x WHERE false"))
    assert data == {"text/plain": "OK"}
    assert result(ok(kernel, "%%sql\nSELECT * FROM nothing"))["text/plain"].endswith("0 rows")


def test_scala_names_and_expressions_are_substituted(kernel):
    ok(kernel, 'val minimum = 5\nval table = "squares"')
    ex = ok(
        kernel,
        "%%sql --output json\n"
        "SELECT id, '$$minimum' AS literal FROM $table WHERE id >= $minimum AND id < ${minimum + 2}",
    )
    assert (ex.stdout, ex.stderr) == ("", ""), "the Scala evaluations are silent"
    data = result(ex)
    assert data["application/json"] == {
        "columns": ["id", "literal"],
        "rows": [[5, "$minimum"], [6, "$minimum"]],
        "truncated": False,
    }


def test_an_unknown_name_is_an_error_and_the_session_is_kept(kernel):
    ok(kernel, "val kept = 41")
    ex = kernel.execute("%%sql\nSELECT $no_such_name")
    assert ex.status == "error" and ex.stderr == "", ex.describe()
    error = ex.errors[0]["content"]
    assert error["ename"] == "SubstitutionError"
    assert "no Scala value or kernel.data entry named 'no_such_name'" in error["evalue"]
    assert ok(kernel, "kept + 1").result_text == "42"


def test_var_keeps_the_dataframe_for_scala_and_kernel_data(kernel):
    ok(kernel, "%%sql --var big\nSELECT * FROM squares WHERE square > 40")
    assert ok(kernel, "big.count()").result_text == "3"
    ok(kernel, "%%sql --var type\nSELECT 1 AS one")  # a Scala keyword is bound in backticks
    assert ok(kernel, "`type`.columns.mkString").result_text == "one"
    assert ok(kernel, 'kernel.data.get("big").asInstanceOf[org.apache.spark.sql.DataFrame].count()').result_text == "3"


def test_var_works_when_a_cell_rebound_the_name_kernel(kernel):
    # `kernel` is a common variable name (convolutions, SVMs): %%sql --var must not depend on it.
    ok(kernel, 'val kernel = "a convolution kernel"\nval two = 2')
    try:
        ok(kernel, "%%sql --var shadowed\nSELECT 2 AS two")
        assert ok(kernel, "shadowed.count()").result_text == "1"
        substituted = ok(kernel, "%%sql --output json\nSELECT $two AS v, ${two + 1} AS w")
        assert result(substituted)["application/json"]["rows"] == [[2, 3]]
    finally:
        ok(kernel, "val kernel = dev.kindling.scala.api.ReplSessions.kernel")


def test_chart_adds_a_vega_lite_spec(kernel):
    data = result(ok(kernel, "%%sql --chart line --x id --y square\nSELECT * FROM squares ORDER BY id LIMIT 3"))
    spec = data[VEGA]
    assert spec["$schema"] == "https://vega.github.io/schema/vega-lite/v5.json"
    assert spec["mark"]["type"] == "line"
    assert spec["data"]["values"] == [{"id": 0, "square": 0}, {"id": 1, "square": 1}, {"id": 2, "square": 4}]
    assert spec["encoding"]["x"] == {"field": "id", "type": "quantitative"}
    assert "text/html" in data and "text/plain" in data


def test_csv_output(kernel):
    data = result(ok(kernel, "%%sql --output csv\nSELECT 'a,b' AS s, 1 AS n"))
    assert data["text/csv"] == 's,n\r\n"a,b",1\r\n'


def test_a_syntax_error_gives_the_position_and_the_session_is_kept(kernel):
    error = failed(kernel, "%%sql\nSELECT * FRM squares")
    assert error["ename"] == "ParseException"
    assert "Syntax error at or near 'squares'" in error["evalue"]
    assert "(line 1, pos 13)" in error["evalue"]
    assert "== SQL ==" in "\n".join(error["traceback"])
    assert result(ok(kernel, "%%sql\nSELECT count(*) AS n FROM squares"))["text/plain"].endswith(
        "| 10|\n+---+"
    )


def test_a_missing_table_is_an_analysis_error(kernel):
    error = failed(kernel, "%%sql\nSELECT * FROM no_such_table")
    assert error["ename"] == "AnalysisException"
    assert "no_such_table" in error["evalue"]


def test_wrong_arguments_print_the_usage(kernel):
    error = failed(kernel, "%%sql --limit many\nSELECT 1")
    assert error["ename"] == "UsageError"
    assert "--limit must be a positive number, not 'many'" in error["evalue"]
    assert "%%sql [--limit N] [--output html|text|json|csv]" in "\n".join(error["traceback"])


def test_help_shows_the_usage(kernel):
    assert "--chart bar|line|scatter|area" in ok(kernel, "%sql?").result_text
    assert "--chart bar|line|scatter|area" in ok(kernel, "%%sql?").result_text
    assert "%%dataframe [--output=html|csv|json] [--limit=N]" in ok(kernel, "%dataframe?").result_text


def test_dataframe_shows_a_scala_expression(kernel):
    data = result(ok(kernel, "%%dataframe --limit=2 --output=json\nval base = spark.table(\"squares\")\nbase.orderBy(\"id\")"))
    assert data["application/json"]["rows"] == [[0, 0], [1, 1]]
    assert data["application/json"]["truncated"] is True
    error = failed(kernel, "%%dataframe\n1 + 1")
    assert error["ename"] == "DataFrameError"
    assert "not a DataFrame" in error["evalue"]


# ------------------------------------------------------------------------- the SQL kernel


@pytest.fixture(scope="module")
def sql_kernel(target, tmp_path_factory):
    session = session_for(SQL, tmp_path_factory, "sql", "SELECT 1")
    yield session
    session.stop()


@pytest.fixture
def sql(sql_kernel):
    sql_kernel.forget()
    return sql_kernel


def test_sql_kernel_reports_the_sql_language(sql):
    info = sql.request("kernel_info_request")["content"]
    assert info["language_info"]["name"] == "sql"
    assert info["language_info"]["file_extension"] == ".sql"


def test_sql_kernel_runs_statements_and_shows_the_last(sql):
    ex = ok(
        sql,
        "CREATE OR REPLACE TEMPORARY VIEW cities AS\n"
        "  SELECT * FROM VALUES ('London', 9), ('Paris', 2) AS t(city, millions);\n"
        "SELECT city FROM cities WHERE millions > 5;",
    )
    assert result(ex)["text/plain"] == "+------+\n|  city|\n+------+\n|London|\n+------+"
    assert result(ok(sql, "DROP VIEW IF EXISTS nothing_here")) == {"text/plain": "OK"}


def test_sql_kernel_error_then_state_is_kept(sql):
    ok(sql, "CREATE OR REPLACE TEMPORARY VIEW kept AS SELECT 42 AS answer")
    error = failed(sql, "SELECT 1;\nSELECT answer FROM kept WHERE answer =")
    assert error["ename"] == "ParseException"
    assert error["traceback"][0] == "in statement 2 of 2 (starting at line 2 of the cell):"
    assert result(ok(sql, "SELECT * FROM kept"))["text/plain"].endswith("|    42|\n+------+")


def test_sql_kernel_completes_tables_and_columns(sql):
    ok(sql, "CREATE OR REPLACE TEMPORARY VIEW planets AS SELECT 'Mars' AS planet_name, 2 AS moons")
    code = "SELECT * FROM plan"
    reply = sql.request("complete_request", {"code": code, "cursor_pos": len(code)})["content"]
    assert reply["matches"] == ["planets"]
    assert (reply["cursor_start"], reply["cursor_end"]) == (len("SELECT * FROM "), len(code))
    code = "SELECT planets.mo"
    reply = sql.request("complete_request", {"code": code, "cursor_pos": len(code)})["content"]
    assert reply["matches"] == ["moons"]


def test_sql_kernel_inspects_tables_columns_and_functions(sql):
    ok(sql, "CREATE OR REPLACE TEMPORARY VIEW moons AS SELECT 'Phobos' AS moon, 22.5 AS km")

    def inspect(code, cursor=None):
        content = {"code": code, "cursor_pos": len(code) if cursor is None else cursor}
        reply = sql.request("inspect_request", content)["content"]
        assert reply["status"] == "ok"
        return reply["data"].get("text/plain") if reply["found"] else None

    table = inspect("SELECT * FROM moons")
    assert table.splitlines()[0] == "moons (temporary view)"
    assert re.search(r"^  moon +string +not null$", table, re.M), table
    assert re.search(r"^  km +decimal\(3,1\) +not null$", table, re.M), table
    assert inspect("SELECT moons.km").startswith("km: decimal(3,1) not null, a column of moons")
    # JupyterLab's contextual help asks while arguments are typed: the function is shown.
    documented = inspect("SELECT round(km, ")
    assert "Usage:" in documented and "round(expr, d)" in documented, documented
    assert inspect("SELECT") is None
    assert inspect("SELECT nothing_known_here") is None


def test_sql_kernel_interrupt_cancels_the_query_and_keeps_the_session(sql):
    msg_id = sql.send_execute("SELECT count(*) FROM range(0, 1000000000000, 1, 2)")
    sql.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id
        and m["header"]["msg_type"] in ("display_data", "update_display_data")
        and m["content"]["data"].get("text/plain", "").startswith("Spark: jobs"),
        60,
        "the query's job to start",
    )
    assert sql.interrupt()["content"]["status"] == "ok"
    ex = sql.finish(msg_id, timeout=30)
    assert ex.status == "error"
    assert ex.errors[0]["content"]["ename"] == "Interrupted"
    assert result(ok(sql, "SELECT 2 AS two"))["text/plain"].endswith("|  2|\n+---+")


def test_sql_kernel_is_complete(sql):
    def status(code):
        return sql.request("is_complete_request", {"code": code})["content"]["status"]

    assert status("SELECT 1") == "complete"
    assert status("SELECT 'open") == "incomplete"
    assert status("SELECT (1 +") == "incomplete"
    assert status("SELEC 1") == "invalid"


def test_sql_kernel_accepts_the_sql_magic_too(sql):
    data = result(ok(sql, "%%sql --output text\nSELECT 7 AS n"))
    assert data == {"text/plain": "+---+\n|  n|\n+---+\n|  7|\n+---+"}


# ------------------------------------------------------------------ the test language


@pytest.fixture(scope="module")
def test_language(target, tmp_path_factory):
    """The test plugin and the SQL plugin in one plugins dir, the test language as default."""
    plugins = tmp_path_factory.mktemp("plugins")
    for source in paths.test_plugins_dir().iterdir():
        (plugins / source.name).symlink_to(source)
    (sql_zip,) = (paths.kindling_home() / "plugins").glob("kindling-sql-*.zip")
    (plugins / sql_zip.name).symlink_to(sql_zip)
    spec = jupyter_env.kindling_kernelspec(spark_args=("--spark-init", "lazy", "--conf", "spark.master=local[2]"))
    argv = spec["argv"]
    argv[argv.index("--plugins-dir") + 1] = str(plugins)
    jupyter_env.write_kernelspec(Path(os.environ["JUPYTER_PATH"]) / "kernels", "kindling_test_sql", spec)
    target = dataclasses.replace(KINDLING, kernel_name="kindling_test_sql")
    session = session_for(target, tmp_path_factory, "test-sql", "spark-count 1")
    yield session
    session.stop()


def test_test_language_view_and_data_reach_sql(test_language):
    test_language.forget()
    ok(test_language, "spark-sql CREATE OR REPLACE TEMPORARY VIEW letters AS SELECT * FROM VALUES ('a'), ('b'), ('c') AS t(letter)")
    ok(test_language, "set wanted b")
    data = result(ok(test_language, "%%sql\nSELECT letter FROM letters WHERE letter >= '$wanted' ORDER BY letter"))
    assert data["text/plain"] == "+------+\n|letter|\n+------+\n|     b|\n|     c|\n+------+"
    ok(test_language, "%%sql --var two\nSELECT * FROM letters LIMIT 2")
    assert ok(test_language, "get two").result_text == "[letter: string]"


# ------------------------------------------------------------------------------ PySpark


@pytest.fixture(scope="module")
def pyspark(target, tmp_path_factory):
    """The Kindling (PySpark) kernel: the distribution's plugins, the SQL plugin among them."""
    session = session_for(KINDLING_PYSPARK, tmp_path_factory, "pyspark-sql", "spark.range(1).count()")
    yield session
    session.stop()


def test_pyspark_view_and_var_cross_languages(pyspark):
    pyspark.forget()
    ok(pyspark, "spark.range(4).createOrReplaceTempView('four')")
    ok(pyspark, "kernel.data['threshold'] = 1")
    data = result(ok(pyspark, "%%sql --var above\nSELECT id FROM four WHERE id > $threshold ORDER BY id"))
    assert data["text/plain"] == "+---+\n| id|\n+---+\n|  2|\n|  3|\n+---+"
    assert ok(pyspark, "kernel.data['above'].count()").result_text == "2"
    error = failed(pyspark, "%%sql\nSELEC 1")
    assert error["ename"] == "ParseException"
    assert ok(pyspark, "spark.table('four').count()").result_text == "4"


def test_pyspark_var_works_when_a_cell_rebound_the_name_kernel(pyspark):
    ok(pyspark, "kindling_kernel, kernel = kernel, 'rbf'")
    try:
        ok(pyspark, "%%sql --var shadowed\nSELECT 2 AS two")
        assert ok(pyspark, "shadowed.count()").result_text == "1"
    finally:
        ok(pyspark, "kernel = kindling_kernel")


def test_pyspark_var_is_a_python_dataframe(pyspark):
    """`%%sql --var` in a PySpark notebook defines a Python variable holding a PySpark DataFrame
    (not py4j's handle on the JVM Dataset), and kernel.data carries DataFrames both ways."""
    pyspark.forget()
    ok(pyspark, "spark.range(5).createOrReplaceTempView('five')")
    ok(pyspark, "%%sql --var odd\nSELECT id FROM five WHERE id % 2 = 1 ORDER BY id")
    assert ok(pyspark, "type(odd).__module__, type(odd).__name__").result_text == "('pyspark.sql.classic.dataframe', 'DataFrame')"
    assert ok(pyspark, "odd.toPandas()['id'].tolist()").result_text == "[1, 3]"
    assert ok(pyspark, "kernel.data['odd'].collect()").result_text == "[Row(id=1), Row(id=3)]"
    # A PySpark DataFrame kept from Python is a Dataset on the JVM side: SQL and Scala use it.
    ok(pyspark, "kernel.data['evens'] = spark.range(6).where('id % 2 = 0')")
    scala_count = ok(pyspark, '%%scala\nkernel.data.get("evens").asInstanceOf[org.apache.spark.sql.DataFrame].count()')
    assert scala_count.result_text == "3"
    listed = ok(pyspark, "{'evens', 'odd'} <= set(kernel.data), 'odd' in kernel.data, kernel.data.get('nothing')")
    assert listed.result_text == "(True, True, None)"
    missing = failed(pyspark, "kernel.data['nothing']")
    assert missing["ename"] == "KeyError"
    none = failed(pyspark, "kernel.data['odd'] = None")
    assert none["ename"] == "TypeError" and "del kernel.data['odd']" in none["evalue"]
    ok(pyspark, "del kernel.data['evens']")
    assert ok(pyspark, "'evens' in kernel.data, 'odd' in kernel.data").result_text == "(False, True)"
    # A Python keyword cannot be a variable: the cell says so and kernel.data keeps the result.
    error = failed(pyspark, "%%sql --var lambda\nSELECT 1 AS one")
    assert error["ename"] == "VarError"
    assert 'kept as kernel.data["lambda"]' in error["evalue"]
    assert "lambda is a Python keyword" in error["evalue"]
    assert ok(pyspark, "kernel.data['lambda'].first().one").result_text == "1"
