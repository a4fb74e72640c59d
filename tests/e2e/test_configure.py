"""%%configure: sparkmagic-style JSON settings for the kernel's SparkSession.

One Scala kernel with Spark started lazily: the first %%configure applies before the session
starts; later ones are refused without -f, and with -f restart the session (after saying what is
lost) while the kernel, the REPL's definitions and the jars added before stay.
"""

from __future__ import annotations

import pytest

from harness.jars import compile_jar, scala_target
from harness.kernel import KernelSession

TOOL = """
package kindling.tool;
public final class Tool {
  public static int triple(int n) { return 3 * n; }
}
"""


@pytest.fixture(scope="module")
def scala(tmp_path_factory):
    target = scala_target(
        "kindling_scala_configure",
        "--spark-init", "lazy",
        "--conf", "spark.master=local[2]",
        env={"KINDLING_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))},
    )
    target.check_available()
    session = KernelSession(target, tmp_path_factory.mktemp("logs"), name="configure")
    session.start(ready_timeout=60)
    yield session
    session.stop()


@pytest.fixture
def kernel(scala):
    scala.forget()
    return scala


def ok(kernel, code, timeout=180.0):
    ex = kernel.execute(code, timeout=timeout)
    assert ex.status == "ok", ex.describe()
    return ex


def failed(kernel, code, ename):
    ex = kernel.execute(code, timeout=60.0)
    assert ex.status == "error", ex.describe()
    (error,) = ex.errors
    assert error["content"]["ename"] == ename, ex.describe()
    return error["content"]["evalue"]


def result(kernel, code):
    return ok(kernel, code).result_text


def test_settings_given_before_spark_starts_apply_when_it_starts(kernel):
    ok(kernel, "val keep = 41")
    ex = ok(
        kernel,
        "%%configure\n"
        '{"conf": {"spark.sql.shuffle.partitions": "7"}, "name": "configured",'
        ' "executorMemory": "2g", "kind": "spark"}',
    )
    assert "The SparkSession will start with these settings:" in ex.stdout
    assert "spark.sql.shuffle.partitions=7" in ex.stdout
    assert "executorMemory (spark.executor.memory): no effect with master local[2]" in ex.stdout
    assert "kind: a Livy setting, ignored" in ex.stdout
    assert result(kernel, 'spark.conf.get("spark.sql.shuffle.partitions")') == "7"
    assert result(kernel, "sc.appName") == "configured"


def test_without_f_a_running_session_is_left_alone(kernel):
    evalue = failed(
        kernel,
        '%%configure\n{"conf": {"spark.sql.shuffle.partitions": "3"}}',
        "SessionRunning",
    )
    assert "%%configure -f" in evalue
    assert result(kernel, 'spark.conf.get("spark.sql.shuffle.partitions")') == "7"


def test_f_restarts_the_session_with_the_new_settings(kernel, tmp_path):
    jar = compile_jar(tmp_path, tmp_path / "tool.jar", {"kindling/tool/Tool.java": TOOL})
    ok(kernel, f"%AddJar {jar}")
    ok(kernel, 'spark.range(5).createOrReplaceTempView("nums")')
    ok(kernel, "val cachedFrame = spark.range(3).cache(); cachedFrame.count()")
    old_app = result(kernel, "sc.applicationId")

    ex = ok(kernel, '%%configure -f\n{"conf": {"spark.sql.shuffle.partitions": "3"}}')

    assert "temporary views: nums" in ex.stdout, ex.stdout
    assert "cached data: yes" in ex.stdout
    assert "Spark restarted" in ex.stdout
    assert result(kernel, 'spark.conf.get("spark.sql.shuffle.partitions")') == "3"
    assert result(kernel, "sc.applicationId") != old_app
    assert result(kernel, "sc.isStopped") == "false"
    assert result(kernel, 'spark.catalog.tableExists("nums")') == "false"
    assert result(kernel, "spark.range(10).count()") == "10"
    assert result(kernel, "keep + 1") == "42"
    # The jar added before the restart reaches the new session's executors too.
    assert result(kernel, "sc.parallelize(1 to 3).map(kindling.tool.Tool.triple).sum().toInt") == "18"


def test_bad_bodies_print_the_usage_and_change_nothing(kernel):
    ex = kernel.execute("%%configure -f\n{not json")
    assert ex.status == "error"
    assert ex.errors[0]["content"]["ename"] == "UsageError"
    assert "not valid JSON" in ex.errors[0]["content"]["evalue"]
    evalue = failed(kernel, '%%configure -f\n{"executorMemroy": "2g"}', "UsageError")
    assert 'unknown setting "executorMemroy"' in evalue
    failed(kernel, "%%configure --now\n{}", "UsageError")
    assert result(kernel, 'spark.conf.get("spark.sql.shuffle.partitions")') == "3"
    assert result(kernel, "keep + 1") == "42"


@pytest.fixture(scope="module")
def pyspark(tmp_path_factory):
    from harness.target import KINDLING_PYSPARK

    session = KernelSession(KINDLING_PYSPARK, tmp_path_factory.mktemp("logs"), name="pyspark")
    session.start(ready_timeout=120)
    yield session
    session.stop()


def test_pyspark_cells_get_the_restarted_session_and_the_added_jars(pyspark, tmp_path):
    pyspark.forget()
    jar = compile_jar(tmp_path, tmp_path / "pytool.jar", {"kindling/tool/Tool.java": TOOL})
    ok(pyspark, "keep = 41")
    ok(pyspark, f"%AddJar {jar}")
    old_app = ok(pyspark, "sc.applicationId").result_text

    ex = ok(pyspark, '%%configure -f\n{"conf": {"spark.sql.shuffle.partitions": "5"}}')

    assert "Spark restarted" in ex.stdout
    assert ok(pyspark, 'spark.conf.get("spark.sql.shuffle.partitions")').result_text == "'5'"
    assert ok(pyspark, "sc.applicationId").result_text != old_app
    assert ok(pyspark, "spark.range(4).count()").result_text == "4"
    jars = ok(pyspark, "str(sc._jsc.sc().listJars())").result_text
    assert "pytool.jar" in jars, jars
    assert ok(pyspark, "keep + 1").result_text == "42"


@pytest.fixture(scope="module")
def sparkr(tmp_path_factory):
    from harness.target import KINDLING_SPARKR

    KINDLING_SPARKR.check_available()
    session = KernelSession(KINDLING_SPARKR, tmp_path_factory.mktemp("logs"), name="sparkr")
    session.start(ready_timeout=120)
    yield session
    session.stop()


def test_sparkr_cells_get_the_restarted_session(sparkr):
    sparkr.forget()
    ok(sparkr, "keep <- 41")
    old_app = ok(sparkr, 'cat(callJMethod(callJMethod(spark, "sparkContext"), "applicationId"))', timeout=180).stdout

    ex = ok(sparkr, '%%configure -f\n{"conf": {"spark.sql.shuffle.partitions": "6"}}', timeout=180)

    assert "Spark restarted" in ex.stdout
    conf = ok(sparkr, 'cat(callJMethod(callJMethod(spark, "conf"), "get", "spark.sql.shuffle.partitions"))')
    assert conf.stdout == "6"
    new_app = ok(sparkr, 'cat(callJMethod(callJMethod(spark, "sparkContext"), "applicationId"))').stdout
    assert new_app != old_app
    assert ok(sparkr, 'cat(count(sql("SELECT * FROM range(4)")))').stdout == "4"
    assert ok(sparkr, "cat(keep + 1)").stdout == "42"
