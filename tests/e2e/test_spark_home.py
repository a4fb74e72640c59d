"""SPARK_HOME mode: bin/kindling execs spark-submit of a Spark installation (here the pip
pyspark package, which holds bin/spark-submit and jars/) with only the kernel's own jars."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from harness import paths
from harness.kernel import KernelSession
from harness.spark import pyspark_home, spark_target

pytestmark = pytest.mark.kindling_only


@pytest.fixture(scope="module")
def home_kernel(target, tmp_path_factory):
    home = pyspark_home()
    conf_dir = tmp_path_factory.mktemp("spark-conf")
    (conf_dir / "spark-defaults.conf").write_text("spark.kindling.cluster.default  from-spark-home\n")
    t = spark_target(
        "kindling_spark_home",
        "--spark-init",
        "lazy",
        env={"SPARK_HOME": str(home), "SPARK_CONF_DIR": str(conf_dir)},
    )
    session = KernelSession(t, tmp_path_factory.mktemp("logs"), name="spark-home")
    session.start(ready_timeout=120)
    yield session
    session.stop()


def test_the_kernel_runs_under_the_installations_spark_submit(home_kernel):
    ex = home_kernel.execute("spark-count 10", timeout=120)
    assert ex.status == "ok" and ex.result_text == "10", ex.describe()
    # spark-submit's own settings and the installation's spark-defaults.conf apply
    assert home_kernel.execute("spark-conf spark.submit.deployMode").result_text == "client"
    assert home_kernel.execute("spark-conf spark.kindling.cluster.default").result_text == "from-spark-home"
    # the JVM is spark-submit's (exec all the way), on the installation's jars
    cmdline = Path(f"/proc/{home_kernel.process.pid}/cmdline").read_bytes().split(b"\0")
    words = [w.decode() for w in cmdline]
    assert "org.apache.spark.deploy.SparkSubmit" in words
    classpath = words[words.index("-cp") + 1]
    assert str(pyspark_home() / "jars") in classpath
    assert str(paths.kindling_home() / "spark") not in classpath  # not the bundled Spark


def test_interrupt_and_shutdown_reach_the_jvm(home_kernel):
    msg_id = home_kernel.send_execute("sleep 60000")
    home_kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id and m["header"]["msg_type"] == "execute_input",
        10,
        "the running cell",
    )
    home_kernel.interrupt()
    assert home_kernel.finish(msg_id, timeout=10).status == "error"
    assert home_kernel.execute("value still here").result_text == "still here"
    pid = home_kernel.process.pid
    home_kernel.stop()
    assert not os.path.exists(f"/proc/{pid}") or b"zombie" in Path(f"/proc/{pid}/status").read_bytes().lower()
