"""--spark-init lazy and none, and --progress off: what a user sees in each."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.kernel import KernelSession
from harness.spark import progress_messages, spark_target, text

pytestmark = pytest.mark.kindling_only


@pytest.fixture(scope="module")
def lazy_kernel(target, tmp_path_factory):
    t = spark_target(
        "kindling_spark_lazy",
        "--spark-init",
        "lazy",
        "--progress",
        "off",
        env={"SPARK_OPTS": "--driver-memory 640m"},
    )
    session = KernelSession(t, tmp_path_factory.mktemp("logs"), name="spark-lazy")
    session.start()
    yield session
    session.stop()


@pytest.fixture(scope="module")
def none_kernel(target, tmp_path_factory):
    t = spark_target("kindling_spark_none", "--spark-init", "none")
    session = KernelSession(t, tmp_path_factory.mktemp("logs"), name="spark-none")
    session.start()
    yield session
    session.stop()


def test_lazy_starts_spark_on_first_use_and_shows_it_starting(lazy_kernel):
    assert lazy_kernel.execute("spark-active").result_text == "no"
    ex = lazy_kernel.execute("spark-count 100", timeout=120)
    assert ex.status == "ok", ex.describe()
    assert ex.result_text == "100"
    notices = [m for m in ex.outputs if m["header"]["msg_type"] in ("display_data", "update_display_data")]
    assert text(notices[0]) == "Starting Spark..."
    display_id = notices[0]["content"]["transient"]["display_id"]
    assert notices[-1]["header"]["msg_type"] == "update_display_data"
    assert notices[-1]["content"]["transient"]["display_id"] == display_id
    assert text(notices[-1]).startswith("Spark started in ")
    assert lazy_kernel.execute("spark-active").result_text == "yes"


def test_driver_memory_from_spark_opts_sizes_the_jvm(lazy_kernel):
    cmdline = Path(f"/proc/{lazy_kernel.process.pid}/cmdline").read_bytes().split(b"\0")
    assert b"-Xmx640m" in cmdline
    assert lazy_kernel.execute("spark-conf spark.driver.memory", timeout=60).result_text == "640m"


def test_progress_off_shows_no_progress(lazy_kernel):
    ex = lazy_kernel.execute("spark-sleep 0.5", timeout=60)
    assert ex.status == "ok", ex.describe()
    assert progress_messages(ex.iopub) == []
    assert ex.of_type("display_data") == [] and ex.of_type("update_display_data") == []


def test_none_never_starts_spark_and_says_how_to(none_kernel):
    ex = none_kernel.execute("spark-count 3")
    assert ex.status == "error"
    assert "--spark-init none" in ex.errors[0]["content"]["evalue"]
    assert none_kernel.execute("spark-active").result_text == "no"


def test_none_adopts_the_session_user_code_creates(none_kernel):
    created = none_kernel.execute("spark-create", timeout=120)
    assert created.status == "ok", created.describe()
    ex = none_kernel.execute("spark-count 5", timeout=60)
    assert ex.status == "ok" and ex.result_text == "5", ex.describe()
    assert none_kernel.execute("spark-conf spark.app.name").result_text == "user"
    assert progress_messages(ex.iopub), "an adopted session still gets progress displays"
