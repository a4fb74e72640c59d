"""R cells through the ``kindling_sparkr`` kernelspec: a real IRkernel child attached to the
kernel's SparkSession through Spark's RBackend, proxied by the kernel (issue 5).

One kernel for the module (the child and Spark take seconds to start); tests leave it usable.
The crash test restarts the child, not the kernel, and checks the session survived. The
cross-language tests run in the Scala kernelspec, whose R cells use the ``%%sparkr`` magic.
"""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import pytest

from harness import jupyter_env
from harness.kernel import KernelSession
from harness.spark import progress_messages
from harness.target import KINDLING_SPARKR, SCALA

pytestmark = pytest.mark.kindling_only

SPARK_CELL_TIMEOUT = 180


@pytest.fixture(scope="module")
def sparkr_kernel(target, tmp_path_factory):
    session = KernelSession(KINDLING_SPARKR, tmp_path_factory.mktemp("logs"), name="sparkr")
    session.start(run_prelude=False)
    first = session.execute("count(sql('SELECT 1'))", timeout=SPARK_CELL_TIMEOUT)
    assert first.status == "ok", first.describe()
    yield session
    session.stop()


@pytest.fixture
def kernel(sparkr_kernel):
    if not sparkr_kernel.is_alive():
        sparkr_kernel.stop()
        sparkr_kernel.start(run_prelude=False)
    sparkr_kernel.forget()
    return sparkr_kernel


def ok(kernel, code, timeout=60, **options):
    ex = kernel.execute(code, timeout=timeout, **options)
    assert ex.status == "ok", ex.describe()
    return ex


def shown(ex) -> list[dict]:
    """The cell's displayed values: IRkernel shows a visible value as display_data (it sends no
    execute_result)."""
    return [m["content"]["data"] for m in ex.of_type("display_data")]


def value(ex) -> str:
    data = shown(ex)
    assert data, ex.describe()
    return data[-1]["text/plain"]


@pytest.fixture(scope="module")
def people_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("data") / "people.csv"
    path.write_text(
        "name,age,city\n"
        "Ada,36,London\n"
        "Grace,45,New York\n"
        "Linus,17,Helsinki\n"
        "Alan,41,London\n"
        "Barbara,12,New York\n"
    )
    return path


def test_output_streams_and_the_result_has_the_kernels_count(kernel):
    ex = ok(kernel, "cat('hello from R\\n')\n6 * 7")
    assert ex.stdout == "hello from R\n"
    assert value(ex) == "[1] 42"
    assert ex.types.count("execute_input") == 1
    assert [m["content"]["execution_state"] for m in ex.of_type("status")] == ["busy", "idle"]
    assert all(m["parent_header"]["msg_id"] == ex.msg_id for m in ex.iopub)
    again = ok(kernel, "1 + 1")
    assert again.execution_count == ex.execution_count + 1


def test_a_csv_loaded_into_spark_is_queried_with_sql_and_dataframe_calls(kernel, people_csv):
    ok(
        kernel,
        f"people <- read.df('{people_csv}', 'csv', header = 'true', inferSchema = 'true')\n"
        "createOrReplaceTempView(people, 'people')",
        timeout=SPARK_CELL_TIMEOUT,
    )
    adults = ok(kernel, "adults <- collect(sql('SELECT name, age FROM people WHERE age >= 18 ORDER BY age'))\n"
                "cat(paste(adults$name, adults$age), sep = ', ')", timeout=SPARK_CELL_TIMEOUT)
    assert adults.stdout == "Ada 36, Alan 41, Grace 45"
    by_city = ok(
        kernel,
        "cities <- collect(arrange(agg(groupBy(people, 'city'), n = count(people$name),"
        " oldest = max(people$age), mean_age = avg(people$age)), 'city'))\n"
        "cat(paste(cities$city, cities$n, cities$oldest, cities$mean_age, sep = ':'), sep = ' ')",
        timeout=SPARK_CELL_TIMEOUT,
    )
    assert by_city.stdout == "Helsinki:1:17:17 London:2:41:38.5 New York:2:45:28.5"
    filtered = ok(
        kernel,
        "teens <- select(filter(people, people$age < 18 & people$city != 'London'), 'name', 'age')\n"
        "cat(count(teens), columns(teens), class(collect(teens)$age))",
        timeout=SPARK_CELL_TIMEOUT,
    )
    assert filtered.stdout == "2 name age integer"
    schema = ok(kernel, "printSchema(people)")
    assert "|-- name: string" in schema.stdout and "|-- age: integer" in schema.stdout


def test_collected_data_frames_render_as_html_tables(kernel):
    ex = ok(kernel, "head(sql('SELECT id, id * 10 AS tens FROM range(3)'), 3)", timeout=SPARK_CELL_TIMEOUT)
    data = shown(ex)[-1]
    assert "<table" in data["text/html"] and "tens" in data["text/html"]
    assert "20" in data["text/plain"]


def test_a_spark_dataframe_value_renders_as_the_kernel_renders_it(kernel):
    ex = ok(kernel, "sql('SELECT 1 AS one, \"x\" AS letter')", timeout=SPARK_CELL_TIMEOUT)
    data = shown(ex)[-1]
    assert "<table" in data["text/html"] and "letter" in data["text/html"]


def test_create_data_frame_round_trips_r_types(kernel):
    ex = ok(
        kernel,
        "local <- data.frame(i = c(1L, NA, 3L), d = c(0.5, 1.5, NA), s = c('a', NA, 'c'),"
        " b = c(TRUE, FALSE, NA), day = as.Date(c('2024-01-02', NA, '2024-03-04')),"
        " stringsAsFactors = FALSE)\n"
        "sdf <- createDataFrame(local)\n"
        "back <- collect(sdf)\n"
        "cat(identical(back, local), sapply(back, function(c) class(c)[1]))",
        timeout=SPARK_CELL_TIMEOUT,
    )
    assert ex.stdout == "TRUE integer numeric character logical Date"


def test_plots_are_inline_png(kernel):
    ex = ok(kernel, "plot(1:10, main = 'squares')")
    assert any("image/png" in m["content"]["data"] for m in ex.of_type("display_data")), ex.describe()


def test_an_r_error_is_the_cells_error_and_state_is_kept(kernel):
    ok(kernel, "kept <- 41")
    ex = kernel.execute("stop('no good')")
    assert ex.status == "error"
    assert "no good" in ex.content["evalue"]
    assert len(ex.errors) == 1
    assert value(ok(kernel, "kept + 1")) == "[1] 42"


def test_a_spark_error_is_an_r_error_naming_the_problem(kernel):
    ex = kernel.execute("sql('SELECT * FROM no_such_table')", timeout=SPARK_CELL_TIMEOUT)
    assert ex.status == "error"
    assert "no_such_table" in ex.content["evalue"] or "TABLE_OR_VIEW_NOT_FOUND" in ex.content["evalue"]
    assert value(ok(kernel, "count(sql('SELECT 1'))")) == "[1] 1"


def test_kernel_data_is_reachable_from_r(kernel):
    ex = ok(kernel, "kernel$data$answer <- 41L\nkernel$data[['answer']] + 1L")
    assert value(ex) == "[1] 42"


def test_sql_var_defines_an_r_spark_dataframe(kernel):
    """`%%sql --var` in an R notebook defines the R variable, a SparkDataFrame; a name that is an
    R reserved word is defined all the same (in backticks)."""
    ok(kernel, "%%sql --var small\nSELECT id, id * 2 AS twice FROM range(3)", timeout=SPARK_CELL_TIMEOUT)
    assert value(ok(kernel, "class(small)[[1]]")) == '[1] "SparkDataFrame"'
    assert value(ok(kernel, "collect(small)$twice")) == "[1] 0 2 4"
    ok(kernel, "%%sql --var repeat\nSELECT 7 AS seven", timeout=SPARK_CELL_TIMEOUT)
    assert value(ok(kernel, "collect(`repeat`)$seven")) == "[1] 7"


def test_sql_var_works_when_a_cell_rebound_the_name_kernel(kernel):
    ok(kernel, 'kernel <- "rbf"')
    try:
        ok(kernel, "%%sql --var shadowed\nSELECT 2 AS two", timeout=SPARK_CELL_TIMEOUT)
        assert value(ok(kernel, "count(shadowed)")) == "[1] 1"
    finally:
        ok(kernel, "rm(kernel)")


def test_completion_and_inspection_come_from_irkernel(kernel):
    ok(kernel, "kindling_value <- 1")
    reply = kernel.request("complete_request", {"code": "kindling_va", "cursor_pos": 11})
    assert "kindling_value" in reply["content"]["matches"]
    reply = kernel.request("complete_request", {"code": "createOrRepl", "cursor_pos": 12})
    assert "createOrReplaceTempView" in reply["content"]["matches"]
    inspected = kernel.request("inspect_request", {"code": "paste", "cursor_pos": 5, "detail_level": 0})
    assert inspected["content"]["found"], inspected


def test_interrupt_stops_r_code(kernel):
    msg_id = kernel.send_execute("cat('sleeping\\n'); Sys.sleep(120)")
    kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream",
        timeout=60,
        what="the cell's first output",
    )
    interrupted_at = time.monotonic()
    assert kernel.interrupt()["content"]["status"] == "ok"
    ex = kernel.finish(msg_id, timeout=60)
    assert ex.status == "error", ex.describe()
    assert time.monotonic() - interrupted_at < 30
    assert value(ok(kernel, "kept")) == "[1] 41"


def test_interrupt_cancels_the_cells_spark_jobs(kernel):
    msg_id = kernel.send_execute(
        "count(sql('SELECT sum(a.id * b.id) FROM range(0, 200000) a CROSS JOIN range(0, 200000) b'))"
    )
    kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id and bool(progress_messages([m])),
        timeout=60,
        what="the slow job's progress",
    )
    interrupted_at = time.monotonic()
    assert kernel.interrupt()["content"]["status"] == "ok"
    ex = kernel.finish(msg_id, timeout=60)
    assert ex.status == "error", ex.describe()
    assert time.monotonic() - interrupted_at < 30
    assert value(ok(kernel, "count(sql('SELECT * FROM range(5)'))", timeout=SPARK_CELL_TIMEOUT)) == "[1] 5"


def test_a_child_that_dies_fails_its_cell_and_the_next_cell_gets_a_fresh_one(kernel):
    ok(kernel, "createOrReplaceTempView(sql('SELECT * FROM range(2)'), 'before_crash')\nlost <- 1",
       timeout=SPARK_CELL_TIMEOUT)
    ex = kernel.execute("tools::pskill(Sys.getpid(), tools::SIGKILL)", timeout=60)
    assert ex.status == "error"
    assert ex.content["ename"] == "KernelDied"
    after = ok(kernel, "cat(count(table('before_crash')), exists('lost'))", timeout=SPARK_CELL_TIMEOUT)
    assert after.stdout == "2 FALSE"


def test_a_missing_r_gives_one_clear_error(tmp_path, target):
    kernels = Path(os.environ["JUPYTER_PATH"]) / "kernels"
    jupyter_env.write_kernelspec(
        kernels, "kindling_sparkr_no_r", jupyter_env.sparkr_kernelspec(r=str(tmp_path / "no-such-R"))
    )
    no_r = dataclasses.replace(KINDLING_SPARKR, kernel_name="kindling_sparkr_no_r")
    session = KernelSession(no_r, tmp_path, name="sparkr-no-r")
    try:
        session.start(run_prelude=False)
        ex = session.execute("1 + 1", timeout=60)
    finally:
        session.stop()
    assert ex.status == "error"
    assert ex.content["ename"] == "SparkRSetupError"
    assert "apt-get install r-base-core r-cran-irkernel" in ex.content["evalue"]
    assert len(ex.errors) == 1


def test_an_r_without_irkernel_gives_one_clear_error(tmp_path, target):
    # R_LIBS_SITE hides Debian's site library, where IRkernel lives.
    r = tmp_path / "R"
    r.write_text('#!/bin/sh\nR_LIBS_SITE=/nonexistent exec R "$@"\n')
    r.chmod(0o755)
    kernels = Path(os.environ["JUPYTER_PATH"]) / "kernels"
    jupyter_env.write_kernelspec(kernels, "kindling_sparkr_bare", jupyter_env.sparkr_kernelspec(r=str(r)))
    bare = dataclasses.replace(KINDLING_SPARKR, kernel_name="kindling_sparkr_bare")
    session = KernelSession(bare, tmp_path, name="sparkr-bare")
    try:
        session.start(run_prelude=False)
        ex = session.execute("1 + 1", timeout=60)
    finally:
        session.stop()
    assert ex.status == "error"
    assert ex.content["ename"] == "SparkRSetupError"
    assert ex.content["evalue"].startswith("IRkernel is not installed for R ")
    assert "r-cran-irkernel" in ex.content["evalue"]
    assert len(ex.errors) == 1


def test_readline_asks_the_front_end(kernel):
    msg_id = kernel.send_execute("name <- readline('Your name? ')\ncat('hi', name)", allow_stdin=True)
    request = kernel.stdin_request(timeout=30)
    assert request["content"]["prompt"] == "Your name? "
    assert request["parent_header"]["msg_id"] == msg_id
    kernel.send("input_reply", {"value": "Ada"}, channel="stdin")
    ex = kernel.finish(msg_id, timeout=30)
    assert ex.status == "ok", ex.describe()
    assert ex.stdout == "hi Ada"


@pytest.fixture(scope="module")
def scala_kernel(target, tmp_path_factory):
    session = KernelSession(SCALA, tmp_path_factory.mktemp("logs"), name="scala-with-r")
    session.start(run_prelude=False)
    yield session
    session.stop()


def test_sparkr_magic_shares_temp_views_and_data_with_scala(scala_kernel):
    scala = scala_kernel
    made = scala.execute(
        "spark.sql(\"SELECT 'from scala' AS origin, 7 AS n\").createOrReplaceTempView(\"scala_view\")\n"
        "kernel.data.put(\"scala_value\", 21)",
        timeout=SPARK_CELL_TIMEOUT,
    )
    assert made.status == "ok", made.describe()
    r_cell = scala.execute(
        "%%sparkr\n"
        "v <- collect(table('scala_view'))\n"
        "cat(v$origin, v$n, kernel$data$scala_value * 2L, '\\n')\n"
        "createOrReplaceTempView(sql('SELECT 99 AS answer'), 'r_view')",
        timeout=SPARK_CELL_TIMEOUT,
    )
    assert r_cell.status == "ok", r_cell.describe()
    assert r_cell.stdout == "from scala 7 42 \n"
    back = scala.execute("spark.table(\"r_view\").first().getInt(0)", timeout=SPARK_CELL_TIMEOUT)
    assert back.status == "ok", back.describe()
    assert "99" in back.result_text
