"""PySpark cells through the ``kindling_pyspark`` kernelspec: a real ipykernel child attached to
the kernel's SparkSession, proxied by the kernel (issue 4).

One kernel for the module (the child and Spark take seconds to start); tests leave it usable.
The crash test restarts the child, not the kernel, and checks the session survived.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from harness import jupyter_env
from harness.kernel import KernelSession
from harness.spark import progress_messages
from harness.target import KINDLING_PYSPARK

pytestmark = pytest.mark.kindling_only

SPARK_CELL_TIMEOUT = 180


@pytest.fixture(scope="module")
def pyspark_kernel(target, tmp_path_factory):
    session = KernelSession(KINDLING_PYSPARK, tmp_path_factory.mktemp("logs"), name="pyspark")
    session.start(run_prelude=False)
    first = session.execute("spark.range(1).count()", timeout=SPARK_CELL_TIMEOUT)
    assert first.status == "ok", first.describe()
    yield session
    session.stop()


@pytest.fixture
def kernel(pyspark_kernel):
    if not pyspark_kernel.is_alive():
        pyspark_kernel.stop()
        pyspark_kernel.start(run_prelude=False)
    pyspark_kernel.forget()
    return pyspark_kernel


def ok(kernel, code, timeout=60, **options):
    ex = kernel.execute(code, timeout=timeout, **options)
    assert ex.status == "ok", ex.describe()
    return ex


def test_result_has_the_kernels_count_and_child_status_is_not_repeated(kernel):
    ex = ok(kernel, "print('hello from python')\n6 * 7")
    assert ex.stdout == "hello from python\n"
    assert ex.result_text == "42"
    assert ex.results[0]["content"]["execution_count"] == ex.execution_count
    assert ex.types.count("execute_input") == 1
    assert [m["content"]["execution_state"] for m in ex.of_type("status")] == ["busy", "idle"]
    assert all(m["parent_header"]["msg_id"] == ex.msg_id for m in ex.iopub)
    again = ok(kernel, "1 + 1")
    assert again.execution_count == ex.execution_count + 1


def test_completion_inspection_and_completeness_come_from_python(kernel):
    ok(kernel, "kindling_value = 1")
    reply = kernel.request("complete_request", {"code": "kindling_va", "cursor_pos": 11})
    assert "kindling_value" in reply["content"]["matches"]
    inspected = kernel.request("inspect_request", {"code": "len", "cursor_pos": 3, "detail_level": 0})
    assert inspected["content"]["found"] and "len" in inspected["content"]["data"]["text/plain"]
    assert kernel.request("is_complete_request", {"code": "def f(x):"})["content"]["status"] == "incomplete"


def test_user_expressions_are_evaluated_in_python(kernel):
    ex = ok(kernel, "base = 20", user_expressions={"answer": "base * 2 + 2", "bad": "1/0"})
    expressions = ex.content["user_expressions"]
    assert expressions["answer"]["status"] == "ok"
    assert expressions["answer"]["data"]["text/plain"] == "42"
    assert expressions["bad"]["status"] == "error" and expressions["bad"]["ename"] == "ZeroDivisionError"
    assert ex.results == []


def test_python_error_is_the_cells_error(kernel):
    ex = kernel.execute("raise ValueError('no good')")
    assert ex.status == "error"
    assert (ex.content["ename"], ex.content["evalue"]) == ("ValueError", "no good")
    assert [e["content"]["ename"] for e in ex.errors] == ["ValueError"]


def test_spark_and_sc_are_the_kernels_own_session(kernel):
    ok(kernel, "spark.range(3).createOrReplaceTempView('from_python')")
    # The JVM side: the kernel's default session (what Scala and SQL cells use) sees the view,
    # and a view made there through the JVM API is visible to Python.
    jvm = ok(
        kernel,
        "jvm_session = spark._jvm.org.apache.spark.sql.SparkSession.getDefaultSession().get()\n"
        "jvm_session.sql('CREATE OR REPLACE TEMP VIEW from_jvm AS SELECT 42 AS answer')\n"
        "(jvm_session.table('from_python').count(), jvm_session.equals(spark._jsparkSession),"
        " sc._jsc.sc().equals(jvm_session.sparkContext()))",
    )
    assert jvm.result_text == "(3, True, True)"
    assert ok(kernel, "spark.table('from_jvm').first().answer").result_text == "42"


def test_udfs_and_rdd_lambdas_run_in_python_workers_of_the_same_interpreter(kernel):
    ex = ok(
        kernel,
        "import sys\n"
        "from pyspark.sql.functions import udf\n"
        "double = udf(lambda x: x * 2, 'long')\n"
        "rows = spark.range(4).select(double('id').alias('d')).collect()\n"
        "squares = sc.parallelize(range(4)).map(lambda x: x * x).sum()\n"
        "worker = sc.parallelize([0], 1).map(lambda _: __import__('sys').executable).first()\n"
        "([r.d for r in rows], squares, worker == sys.executable)",
        timeout=SPARK_CELL_TIMEOUT,
    )
    assert ex.result_text == "([0, 2, 4, 6], 14, True)"
    assert progress_messages(ex.iopub), "the kernel's progress display shows Python-triggered jobs"


def test_pandas_udfs_run_with_arrow_in_python_workers(kernel):
    ex = ok(
        kernel,
        "import pandas as pd\n"
        "from pyspark.sql.functions import pandas_udf\n"
        "@pandas_udf('double')\n"
        "def halve(v: pd.Series) -> pd.Series:\n"
        "    return v / 2\n"
        "[r.h for r in spark.range(4).select(halve('id').alias('h')).collect()]",
        timeout=SPARK_CELL_TIMEOUT,
    )
    assert ex.result_text == "[0.0, 0.5, 1.0, 1.5]"


def test_broadcasts_and_accumulators_work_on_the_shared_context(kernel):
    ex = ok(
        kernel,
        "lookup = sc.broadcast({0: 'zero', 1: 'one', 2: 'two'})\n"
        "seen = sc.accumulator(0)\n"
        "def name(i):\n"
        "    seen.add(1)\n"
        "    return lookup.value[i]\n"
        "names = sc.parallelize(range(3), 3).map(name).collect()\n"
        "(names, seen.value)",
        timeout=SPARK_CELL_TIMEOUT,
    )
    assert ex.result_text == "(['zero', 'one', 'two'], 3)"


THREADED_JOB = """\
import threading, time
outcome = {}
def job():
    try:
        outcome['n'] = sc.parallelize([0], 1).map(lambda x: time.sleep(%s) or x).count()
    except BaseException as e:
        outcome['error'] = type(e).__name__
worker = threading.Thread(target=job)
worker.start()
worker.join()
outcome
"""


def test_spark_jobs_of_python_threads_belong_to_the_cell(kernel):
    ex = ok(kernel, THREADED_JOB % 0, timeout=SPARK_CELL_TIMEOUT)
    assert ex.result_text == "{'n': 1}"
    assert progress_messages(ex.iopub), "the cell's progress shows the thread's job"

    msg_id = kernel.send_execute(THREADED_JOB % 120)
    kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id and "Spark: jobs 0/1" in str(m["content"].get("data", {})),
        SPARK_CELL_TIMEOUT,
        "the thread's job in the cell's progress",
    )
    assert kernel.interrupt()["content"]["status"] == "ok"
    assert kernel.finish(msg_id, timeout=30).status == "error"
    # The interrupt cancelled the thread's job too (the kernel log says "Job N cancelled the cell
    # was interrupted"): the thread ends long before its 120 s sleep, without a count.
    ex = ok(kernel, "worker.join(30)\n(worker.is_alive(), 'n' in outcome)", timeout=60)
    assert ex.result_text == "(False, False)", ex.result_text


def test_user_variables_named_sc_and_spark_break_neither_threads_nor_kernel_data(kernel):
    # `sc = StandardScaler()` is a common idiom; the kernel must not depend on the user's names.
    ok(kernel, "kernel_sc, kernel_spark = sc, spark\nsc = 'a scaler'\nspark = None")
    try:
        ex = ok(
            kernel,
            "import threading\ncounts = []\n"
            "worker = threading.Thread(target=lambda: counts.append(kernel_sc.parallelize([1, 2]).count()))\n"
            "worker.start(); worker.join(60)\ncounts",
            timeout=SPARK_CELL_TIMEOUT,
        )
        assert ex.result_text == "[2]", ex.describe()
        ex = ok(
            kernel,
            "kernel.data['tens'] = kernel_spark.range(3).selectExpr('id * 10 AS tens')\n"
            "kernel.data['tens'].toPandas()['tens'].tolist()",
            timeout=SPARK_CELL_TIMEOUT,
        )
        assert ex.result_text == "[0, 10, 20]", ex.describe()
    finally:
        ok(kernel, "sc, spark = kernel_sc, kernel_spark\nkernel.data.pop('tens', None)")


def test_dataframe_result_renders_as_a_table(kernel):
    ex = ok(kernel, "spark.range(3).selectExpr('id', 'id * 10 AS tens')")
    data = ex.results[0]["content"]["data"]
    assert "<table" in data["text/html"] and "<td>20</td>" in data["text/html"]
    assert "tens" in data["text/plain"] and "DataFrame[" not in data["text/plain"]


def test_pandas_and_matplotlib_render_as_in_ipykernel(kernel):
    pandas = ok(kernel, "import pandas as pd\npd.DataFrame({'a': [1, 2]})")
    assert "<table" in pandas.results[0]["content"]["data"]["text/html"]
    plot = ok(
        kernel,
        "import matplotlib\nimport matplotlib.pyplot as plt\n"
        "plt.plot([1, 2, 3]); plt.show()",
    )
    assert any("image/png" in m["content"]["data"] for m in plot.of_type("display_data")), plot.describe()


def test_kernel_data_is_shared_and_kernel_display_shows(kernel):
    ex = ok(kernel, "kernel.data['answer'] = 41\nkernel.display(kernel.data['answer'] + 1)")
    assert [m["content"]["data"]["text/plain"] for m in ex.of_type("display_data")] == ["42"]


def test_input_reaches_the_front_end_and_the_answer_reaches_python(kernel):
    msg_id = kernel.send_execute("name = input('Your name? ')\nprint('hi ' + name)", allow_stdin=True)
    request = kernel.stdin_request(timeout=30)
    assert request["content"]["prompt"] == "Your name? "
    assert request["parent_header"]["msg_id"] == msg_id
    kernel.send("input_reply", {"value": "Ada"}, channel="stdin")
    ex = kernel.finish(msg_id, timeout=30)
    assert ex.status == "ok", ex.describe()
    assert ex.stdout == "hi Ada\n"


def test_pager_output_travels_as_a_payload(kernel):
    ex = ok(kernel, "print?")
    pages = [p for p in ex.content["payload"] if p.get("source") == "page"]
    assert pages and "print" in pages[0]["data"]["text/plain"]


def test_widget_comm_works_both_ways(kernel):
    ex = ok(kernel, "import ipywidgets as widgets\nslider = widgets.IntSlider(value=3)\nslider")
    opens = [m for m in ex.of_type("comm_open") if m["content"]["data"]["state"].get("_model_name") == "IntSliderModel"]
    assert opens, ex.describe()
    comm_id = opens[0]["content"]["comm_id"]
    assert opens[0]["content"]["data"]["state"]["value"] == 3
    info = kernel.request("comm_info_request", {"target_name": "jupyter.widget"})
    assert comm_id in info["content"]["comms"]
    update = kernel.send(
        "comm_msg",
        {"comm_id": comm_id, "data": {"method": "update", "state": {"value": 7}, "buffer_paths": []}},
    )
    kernel.until_idle(update, timeout=30)  # the kernel is idle once the child has handled it
    assert kernel.execute("slider.value").result_text == "7"


def test_interrupt_cancels_the_cells_spark_jobs_and_python(kernel):
    msg_id = kernel.send_execute(
        "import time\nfrom pyspark.sql.functions import udf\n"
        "slow = udf(lambda x: time.sleep(120) or x, 'long')\n"
        "spark.range(2).repartition(2).select(slow('id')).collect()"
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
    assert ok(kernel, "spark.range(5).count()", timeout=SPARK_CELL_TIMEOUT).result_text == "5"


def test_a_child_that_dies_fails_its_cell_and_the_next_cell_gets_a_fresh_one(kernel):
    ok(kernel, "spark.range(2).createOrReplaceTempView('before_crash')\nlost = 'python state'")
    ex = kernel.execute("import os\nos._exit(3)", timeout=60)
    assert ex.status == "error"
    assert ex.content["ename"] == "KernelDied"
    assert "exit" in ex.content["evalue"] and "3" in ex.content["evalue"] and "kernel log" in ex.content["evalue"]
    after = ok(
        kernel,
        "(spark.table('before_crash').count(), 'lost' in globals())",
        timeout=SPARK_CELL_TIMEOUT,
    )
    assert after.result_text == "(2, False)"


def test_a_python_without_ipykernel_gives_one_clear_error(tmp_path, target):
    bare = tmp_path / "bare-venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    kernels = Path(os.environ["JUPYTER_PATH"]) / "kernels"
    jupyter_env.write_kernelspec(
        kernels, "kindling_pyspark_bare", jupyter_env.pyspark_kernelspec(python=str(bare / "bin" / "python"))
    )
    bare_target = dataclasses.replace(KINDLING_PYSPARK, kernel_name="kindling_pyspark_bare")
    session = KernelSession(bare_target, tmp_path, name="pyspark-bare")
    try:
        session.start(run_prelude=False)
        ex = session.execute("1 + 1", timeout=60)
    finally:
        session.stop()
    assert ex.status == "error"
    assert ex.content["ename"] == "PySparkSetupError"
    assert "ipykernel" in ex.content["evalue"] and "4.2.0" in ex.content["evalue"]
    assert "pip install pyspark==4.2.0 ipykernel" in ex.content["evalue"]
    assert len(ex.errors) == 1
