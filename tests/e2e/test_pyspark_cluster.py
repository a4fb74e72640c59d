"""PySpark cells on a real standalone cluster (issue 4): a ``kindling_pyspark`` kernel whose
session's master is a Spark master with two workers on 127.0.0.1, each worker a JVM of its own
that starts an executor JVM for the kernel's application.

Python UDFs, pandas UDFs and RDD lambdas must run in Python workers forked by those executors (not
by the kernel JVM), with the kernel's Python: the same executable and the same environment
(``sys.prefix``: the venv), although the workers' own ``python3`` is another Python, without
pyspark. ``spark.pyspark.python`` picks another Python for the executors, as with spark-submit.

One cluster and one kernel for the module; the cluster is stopped at the end and no process of it
is left.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import jupyter_env
from harness.kernel import KernelSession
from harness.standalone import StandaloneCluster
from harness.target import KINDLING_PYSPARK

pytestmark = pytest.mark.kindling_only

KERNEL_NAME = "kindling_pyspark_cluster"
CELL_TIMEOUT = 180

# Where a Python worker runs: its interpreter, its environment, its working directory (the
# executor's: WORK_DIR/APP_ID/EXECUTOR_ID on standalone) and the pid of the JVM it descends from
# (Python workers are forked by a daemon the executor JVM starts).
WHERE = '''\
def where():
    import os, sys
    pid = os.getpid()
    while pid > 1:
        with open('/proc/%d/stat' % pid) as f:
            stat = f.read()
        if stat[stat.index('(') + 1:stat.rindex(')')] == 'java':
            break
        pid = int(stat[stat.rindex(')') + 2:].split()[1])
    return (sys.executable, sys.prefix, os.getcwd(), pid,
            os.environ.get('KINDLING_TEST_EXECUTOR_PYTHON', ''))

import os, sys
(sys.executable, sys.prefix, int(os.environ['JPY_PARENT_PID']))
'''

AWAIT_EXECUTORS = '''\
import time
_deadline = time.monotonic() + 120
while sc._jsc.sc().getExecutorMemoryStatus().size() < 3 and time.monotonic() < _deadline:
    time.sleep(0.2)  # executors register with the driver on their own; bounded by the deadline
(sc.master, sc._jsc.sc().getExecutorMemoryStatus().size())
'''


def path_without_the_venv() -> str:
    """PATH without the test venv's bin: ``python3`` on the workers is then not the kernel's."""
    venv_bin = str(Path(sys.prefix) / "bin")
    return os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p != venv_bin)


@pytest.fixture(scope="module")
def cluster(target, tmp_path_factory):
    env = {"PATH": path_without_the_venv(), "VIRTUAL_ENV": "", "PYSPARK_PYTHON": "", "PYTHONPATH": ""}
    cluster = StandaloneCluster(tmp_path_factory.mktemp("cluster"), workers=2, worker_env=env)
    cluster.start()
    yield cluster
    cluster.close()
    assert cluster.leftover_processes() == [], "cluster processes left after close()"


@pytest.fixture(scope="module")
def kernel(cluster, tmp_path_factory):
    spec = jupyter_env.pyspark_kernelspec(
        master=cluster.master_url,
        conf={
            "spark.driver.host": "127.0.0.1",
            "spark.executor.memory": "512m",
            "spark.ui.enabled": "false",
        },
    )
    jupyter_env.write_kernelspec(Path(os.environ["JUPYTER_PATH"]) / "kernels", KERNEL_NAME, spec)
    target = dataclasses.replace(KINDLING_PYSPARK, kernel_name=KERNEL_NAME)
    session = KernelSession(target, tmp_path_factory.mktemp("logs"), name="pyspark-cluster")
    session.start(run_prelude=False)
    try:
        up = ok(session, AWAIT_EXECUTORS, timeout=CELL_TIMEOUT)
        assert up.result_text == f"('{cluster.master_url}', 3)", up.result_text
        yield session
    finally:
        session.stop()


@pytest.fixture(scope="module")
def child(kernel):
    """The ipykernel child's (sys.executable, sys.prefix, kernel JVM pid)."""
    return value(ok(kernel, WHERE))


def ok(kernel, code, timeout=CELL_TIMEOUT):
    ex = kernel.execute(code, timeout=timeout)
    assert ex.status == "ok", ex.describe()
    return ex


def value(ex):
    return ast.literal_eval(ex.result_text)


def parent_pid(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat[stat.rindex(")") + 2 :].split()[1])


def application(kernel):
    """The session's application id and the ids of its executors, as the driver knows them."""
    return value(ok(kernel, "(sc.applicationId, sorted(sc._jsc.sc().getExecutorIds().mkString(',').split(',')))"))


def assert_ran_on_both_executors(places, child, cluster, kernel):
    """Every Python worker ran the kernel's Python under an executor JVM that a
    worker of the cluster started for this session (not the kernel JVM), and both executors of the
    session ran some."""
    executable, prefix, kernel_pid = child
    assert {(p[0], p[1]) for p in places} == {(executable, prefix)}
    executor_pids = {p[3] for p in places}
    executor_dirs = {p[2] for p in places}
    assert len(executor_pids) == 2 and len(executor_dirs) == 2, places
    assert kernel_pid not in executor_pids
    worker_pids = {w.pid for w in cluster.workers}
    assert {parent_pid(pid) for pid in executor_pids} == worker_pids, "each executor is a worker's child"
    work_dirs = sorted(str(d) for d in cluster.work_dirs)
    assert sorted(str(Path(d).parent.parent) for d in executor_dirs) == work_dirs, executor_dirs
    # A standalone executor works in WORK_DIR/APP_ID/EXECUTOR_ID.
    app_id, executor_ids = application(kernel)
    assert {Path(d).parent.name for d in executor_dirs} == {app_id}
    assert sorted(Path(d).name for d in executor_dirs) == executor_ids


def test_the_child_is_the_kernels_python_and_the_workers_python3_is_not(kernel, child):
    executable, prefix, kernel_pid = child
    assert (executable, prefix) == (sys.executable, sys.prefix)
    assert kernel_pid == kernel.process.pid  # the launcher execs the JVM: the kernel is the driver
    # What a worker would run without the kernel's setting: another Python, without pyspark.
    other = shutil.which("python3", path=path_without_the_venv())
    assert other is not None
    probe = subprocess.run(
        [other, "-c", "import sys; print(sys.prefix)"], capture_output=True, text=True, check=True
    )
    assert probe.stdout.strip() != prefix


def test_python_udf_runs_in_both_executors_with_the_kernels_python(kernel, child, cluster):
    ex = ok(
        kernel,
        "from pyspark.sql.functions import udf\n"
        "located = udf(lambda i: repr((i * 2, where())), 'string')\n"
        "rows = spark.range(8).repartition(4).select(located('id').alias('v')).collect()\n"
        "sorted(r.v for r in rows)",
    )
    results = [ast.literal_eval(text) for text in value(ex)]
    assert sorted(r[0] for r in results) == [0, 2, 4, 6, 8, 10, 12, 14]
    assert_ran_on_both_executors([r[1] for r in results], child, cluster, kernel)


def test_pandas_udf_runs_in_both_executors_with_the_kernels_python(kernel, child, cluster):
    ex = ok(
        kernel,
        "import pandas as pd\n"
        "from pyspark.sql.functions import pandas_udf\n"
        "@pandas_udf('string')\n"
        "def located_batch(ids: pd.Series) -> pd.Series:\n"
        "    here = where()\n"
        "    return ids.map(lambda i: repr((int(i) / 2, here)))\n"
        "rows = spark.range(8).repartition(4).select(located_batch('id').alias('v')).collect()\n"
        "sorted(r.v for r in rows)",
    )
    results = [ast.literal_eval(text) for text in value(ex)]
    assert sorted(r[0] for r in results) == [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5]
    assert_ran_on_both_executors([r[1] for r in results], child, cluster, kernel)


def test_rdd_lambda_runs_in_both_executors_with_the_kernels_python(kernel, child, cluster):
    ex = ok(kernel, "sc.parallelize(range(6), 3).map(lambda x: (x * x, where())).collect()")
    results = value(ex)
    assert [r[0] for r in results] == [0, 1, 4, 9, 16, 25]
    assert_ran_on_both_executors([r[1] for r in results], child, cluster, kernel)


def test_a_module_added_with_add_py_file_reaches_the_executors(kernel, child, cluster, tmp_path):
    module = tmp_path / "kindling_cluster_helper.py"
    module.write_text("def triple(x):\n    return 3 * x\n")
    ok(kernel, f"sc.addPyFile({str(module)!r})")
    ex = ok(
        kernel,
        "sc.parallelize(range(6), 3)"
        ".map(lambda x: (__import__('kindling_cluster_helper').triple(x), where())).collect()",
    )
    results = value(ex)
    assert [r[0] for r in results] == [0, 3, 6, 9, 12, 15]
    assert_ran_on_both_executors([r[1] for r in results], child, cluster, kernel)


def test_spark_pyspark_python_chooses_the_executors_python(kernel, child, cluster, tmp_path):
    # A wrapper that marks the workers it starts, then runs the kernel's Python.
    wrapper = tmp_path / "executor-python"
    wrapper.write_text(f'#!/bin/sh\nKINDLING_TEST_EXECUTOR_PYTHON=wrapper exec "{sys.executable}" "$@"\n')
    wrapper.chmod(0o755)
    restarted = ok(kernel, '%%configure -f\n{"conf": {"spark.pyspark.python": "' + str(wrapper) + '"}}')
    assert "Spark restarted" in restarted.stdout, restarted.describe()
    ok(kernel, AWAIT_EXECUTORS)
    results = value(ok(kernel, "sc.parallelize(range(6), 3).map(lambda x: (x, where())).collect()"))
    assert {r[1][4] for r in results} == {"wrapper"}
    assert_ran_on_both_executors([r[1] for r in results], child, cluster, kernel)
