"""The Spark runtime in the default (eager) mode, through jupyter_client: start-up that never
blocks kernel_info, settings from SPARK_OPTS, --conf and plugins, DataFrame results, live
progress, and interrupts that cancel exactly the running cell's jobs.

One kernel for the module (each Spark start costs seconds); tests leave it usable.
"""

from __future__ import annotations

import time

import pytest

from harness.kernel import KernelSession
from harness.spark import progress_messages, spark_target, text

pytestmark = pytest.mark.kindling_only


@pytest.fixture(scope="module")
def spark_kernel(target, tmp_path_factory):
    t = spark_target(
        "kindling_spark_eager",
        "--conf",
        "spark.kindling.e2e=from-kernel-conf",
        "--conf",
        "kindling.display.maxRows=5",
        "--conf",
        "spark.master=local[2]",
        env={"SPARK_OPTS": "--conf spark.sql.shuffle.partitions=7 --verbose"},
    )
    session = KernelSession(t, tmp_path_factory.mktemp("logs"), name="spark-eager")
    session.start()
    yield session
    session.stop()


@pytest.fixture
def kernel(spark_kernel):
    spark_kernel.forget()
    return spark_kernel


def test_kernel_info_is_answered_at_once_while_spark_starts(kernel):
    # The fixture has only just seen the kernel come up; Spark is still starting in the background.
    for _ in range(3):
        asked = time.monotonic()
        reply = kernel.request("kernel_info_request", timeout=5)
        assert reply["content"]["status"] == "ok"
        assert time.monotonic() - asked < 1.0
    ex = kernel.execute("spark-count 10", timeout=120)
    assert ex.status == "ok", ex.describe()
    assert ex.result_text == "10"
    started = [m for m in ex.outputs if "Spark started in" in text(m) or "Spark is running" in text(m)]
    assert started, ex.describe()
    html = started[-1]["content"]["data"]["text/html"]
    assert '<a href="http://' in html and "Spark UI" in html
    ui = kernel.execute("spark-ui").result_text
    assert ui.startswith("http://") and f'href="{ui}"' in html


def test_settings_come_from_spark_opts_kernel_conf_and_plugins(kernel):
    assert kernel.execute("spark-conf spark.sql.shuffle.partitions").result_text == "7"
    assert kernel.execute("spark-conf spark.kindling.e2e").result_text == "from-kernel-conf"
    assert kernel.execute("spark-conf spark.master").result_text == "local[2]"
    assert kernel.execute("spark-conf spark.app.name").result_text == "Kindling"
    assert kernel.execute("spark-conf spark.kindling.test.contributor").result_text == "test-plugin"


def test_a_dataframe_result_is_an_html_and_a_text_table(kernel):
    ex = kernel.execute("spark-table 8")
    assert ex.status == "ok", ex.describe()
    data = ex.results[-1]["content"]["data"]
    html, plain = data["text/html"], data["text/plain"]
    assert "<table" in html and "<th>id</th><th>doubled</th><th>label</th>" in html
    assert "<td>&lt;b&gt;1&lt;/b&gt;</td>" in html  # escaped, never markup
    assert "<td>null</td>" in html
    assert html.count("<tr>") == 1 + 5  # header + maxRows
    assert "showing first 5 rows" in html and plain.endswith("showing first 5 rows")
    assert plain.splitlines()[1] == "| id|doubled|   label|"


def test_progress_is_one_display_updated_in_place_ending_done(kernel):
    ex = kernel.execute("spark-sleep 1.5", timeout=60)
    assert ex.status == "ok", ex.describe()
    progress = progress_messages(ex.iopub)
    assert progress[0]["header"]["msg_type"] == "display_data"
    display_id = progress[0]["content"]["transient"]["display_id"]
    assert len(progress) >= 2
    for update in progress[1:]:
        assert update["header"]["msg_type"] == "update_display_data"
        assert update["content"]["transient"]["display_id"] == display_id
    assert text(progress[-1]) == "Spark: jobs 1/1, stages 1/1, tasks 2/2 - done"
    assert "kindling-spark-progress" in progress[-1]["content"]["data"]["text/html"]
    # a few updates per second at most
    assert len(progress) <= 2 + 4 * 2
    # the final state comes before the cell's result (and so before its reply and idle)
    assert ex.types.index("execute_result") > ex.iopub.index(progress[-1])


def test_interrupt_cancels_the_cells_jobs_and_the_session_survives(kernel):
    assert kernel.execute("spark-sql CREATE OR REPLACE TEMP VIEW kept AS SELECT * FROM range(42)").status == "ok"
    session_id = kernel.execute("spark-id").result_text

    msg_id = kernel.send_execute("spark-sleep 120")
    kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id and text(m).startswith("Spark: jobs 0/1"),
        30,
        "the progress display of the running job",
    )
    asked = time.monotonic()
    assert kernel.interrupt()["content"]["status"] == "ok"
    assert kernel.interrupt()["content"]["status"] == "ok"  # a second interrupt is harmless
    ex = kernel.finish(msg_id, timeout=10)
    assert kernel.reply_received(msg_id).at - asked < 2.0
    assert ex.status == "error", ex.describe()
    assert text(progress_messages(ex.iopub)[-1]).endswith("- cancelled")

    assert kernel.is_alive()
    assert kernel.execute("spark-id").result_text == session_id
    counted = kernel.execute("spark-sql SELECT count(*) AS n FROM kept")
    assert counted.status == "ok" and "| 42|" in counted.result_text


def test_a_notebook_run_by_nbclient_keeps_one_final_progress_output_per_cell(spark_kernel):
    import nbformat
    from nbclient import NotebookClient

    v4 = nbformat.v4
    nb = v4.new_notebook(cells=[v4.new_code_cell("spark-sleep 0.5"), v4.new_code_cell("spark-table 3")])
    NotebookClient(nb, kernel_name=spark_kernel.target.kernel_name, timeout=120, startup_timeout=60).execute()

    first, second = nb.cells
    progress = [o for o in first.outputs if o.get("data", {}).get("text/plain", "").startswith("Spark: jobs")]
    assert len(progress) == 1, first.outputs  # updated in place, not appended
    assert progress[0].data["text/plain"] == "Spark: jobs 1/1, stages 1/1, tasks 2/2 - done"
    assert first.outputs[-1].output_type == "execute_result"
    table = second.outputs[-1]
    assert table.output_type == "execute_result" and "<table" in table.data["text/html"]
    nbformat.validate(nb)
