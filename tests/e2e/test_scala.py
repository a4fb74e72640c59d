"""The Scala interpreter as a notebook user meets it: the distribution's own plugins, one kernel.

Runs the ``kindling_scala`` kernelspec (bin/kindling with --default-interpreter Scala) whatever
KINDLING_E2E_KERNEL says: these are Scala behaviours, not protocol rules.
"""

from __future__ import annotations

import uuid

import pytest

from harness.kernel import KernelSession
from harness.target import SCALA


@pytest.fixture(scope="module")
def scala(tmp_path_factory):
    SCALA.check_available()
    session = KernelSession(SCALA, tmp_path_factory.mktemp("logs"), name="scala")
    session.start(ready_timeout=60)
    yield session
    session.stop()


@pytest.fixture
def kernel(scala):
    scala.forget()
    return scala


def ok(kernel, code, timeout=60.0):
    ex = kernel.execute(code, timeout=timeout)
    assert ex.status == "ok", ex.describe()
    return ex


def test_the_last_expression_is_the_result(kernel):
    assert ok(kernel, "6 * 7").result_text == "42"


def test_definitions_persist_across_cells(kernel):
    ok(kernel, "case class Person(name: String, age: Int)")
    ok(kernel, "val people = List(Person(\"Ada\", 36), Person(\"Alan\", 41))")
    ex = ok(kernel, "def oldest = people.maxBy(_.age).name\noldest")
    assert ex.result_text == "Alan"


def test_definitions_echo_as_stream_output(kernel):
    assert ok(kernel, "val answer = 42").stdout == "val answer: Int = 42\n"


def test_println_streams_before_the_cell_ends(kernel):
    msg_id = kernel.send_execute('println("first"); Thread.sleep(1000); println("second")')
    first = kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id
        and m["header"]["msg_type"] == "stream"
        and "first" in m["content"]["text"],
        30,
        "the first line as stream output",
    )
    assert first["content"]["name"] == "stdout"
    assert kernel.reply_received(msg_id) is None, "the first line arrived only with the reply"
    ex = kernel.finish(msg_id)
    assert ex.status == "ok"
    assert ex.stdout == "first\nsecond\n"


def test_a_compile_error_points_at_the_cells_line(kernel):
    ex = kernel.execute("val ok = 1\nval broken: Int = \"text\"")
    assert ex.status == "error"
    (error,) = ex.errors
    assert error["content"]["ename"] == "CompileError"
    assert error["content"]["evalue"].startswith("line 2, column 19: type mismatch")
    assert "val broken: Int = \"text\"" in "\n".join(error["content"]["traceback"])


def test_a_runtime_error_shows_the_users_frames(kernel):
    ok(kernel, "def fail(n: Int): Int = if (n == 0) throw new IllegalStateException(\"zero\") else n")
    ex = kernel.execute("fail(0)")
    (error,) = ex.errors
    assert error["content"]["ename"] == "java.lang.IllegalStateException"
    assert error["content"]["evalue"] == "zero"
    assert "    at fail(<cell>:1)" in error["content"]["traceback"]


def test_a_warning_the_kernel_logs_during_a_cell_goes_to_stderr_not_to_the_cell(kernel):
    """Logs go to the log file and the kernel's stderr, never to a cell: log4j starts after the
    first reply (ADR 7), once the kernel routes what threads print to System.err into cells, so it
    must write to the process's stderr itself."""
    marker = f"logged-{uuid.uuid4().hex[:8]}"
    ex = ok(kernel, f'org.slf4j.LoggerFactory.getLogger("kindling.probe").warn("{marker}")')
    assert marker not in ex.stdout + ex.stderr, ex.describe()
    stdio = (kernel.log_dir / "kernel-stdio.txt").read_text()
    assert f"WARN  probe - {marker}" in stdio, stdio[-2000:]


def test_spark_counts(kernel):
    assert ok(kernel, "spark.range(5).count()", timeout=120).result_text == "5"


def test_a_case_class_from_an_earlier_cell_runs_in_a_spark_closure(kernel):
    ok(kernel, "case class Point(x: Long, y: Long)")
    ex = ok(kernel, "spark.range(3).map(i => Point(i, i * 2)).collect().toList", timeout=120)
    assert ex.result_text == "List(Point(0,0), Point(1,2), Point(2,4))"


def test_interrupt_leaves_the_interpreter_usable(kernel):
    msg_id = kernel.send_execute('println("sleeping"); Thread.sleep(60000)')
    kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id
        and m["header"]["msg_type"] == "stream"
        and "sleeping" in m["content"]["text"],
        60,
        "the cell to reach its sleep",
    )
    assert kernel.interrupt()["content"]["status"] == "ok"
    ex = kernel.finish(msg_id, timeout=10)
    assert ex.status == "error"
    assert ex.errors[0]["content"]["ename"] == "Interrupted"
    assert ok(kernel, "1 + 1").result_text == "2"


RPC_TARGET = """\
def sumOfSquares(n: Long): Long = (1L to n).map(i => i * i).sum
kernel.comm.register("sum-of-squares").addMsgHandler { (comm, _, data) =>
  val n = data.get("n").toString.toLong
  comm.send(java.util.Map.of("_rpc_id", data.get("_rpc_id"), "n", Long.box(n), "result", Long.box(sumOfSquares(n))))
}
"""


def test_a_function_defined_once_is_called_thousands_of_times_through_a_comm(kernel):
    """The Comm API as RPC: a client sends 2000 calls without waiting; every reply pairs with its
    call (by _rpc_id) and arrives in call order."""
    ok(kernel, RPC_TARGET)
    comm_id = uuid.uuid4().hex
    kernel.until_idle(kernel.send("comm_open", {"comm_id": comm_id, "target_name": "sum-of-squares", "data": {}}), 30)
    calls = 2000
    sent = [kernel.send("comm_msg", {"comm_id": comm_id, "data": {"_rpc_id": f"call-{i}", "n": i % 50}}) for i in range(calls)]
    kernel.until_idle(sent[-1], 120)

    replies = [
        m["content"]["data"]
        for m in (r.msg for r in kernel.iopub_log)
        if m["header"]["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id
    ]
    assert [r["_rpc_id"] for r in replies] == [f"call-{i}" for i in range(calls)]
    assert all(r["result"] == sum(k * k for k in range(1, r["n"] + 1)) for r in replies)
    assert [r["n"] for r in replies] == [i % 50 for i in range(calls)]
    kernel.until_idle(kernel.send("comm_close", {"comm_id": comm_id, "data": {}}), 30)
    assert ok(kernel, "sumOfSquares(3)").result_text == "14"


def test_a_name_and_a_question_mark_pages_its_signature(kernel):
    ok(kernel, "def pagedHelp(name: String): String = name")
    for cell in ("pagedHelp?", "?pagedHelp"):
        ex = ok(kernel, cell)
        assert ex.content["payload"] == [
            {"source": "page", "data": {"text/plain": "def pagedHelp(name: String): String"}, "start": 0}
        ], ex.describe()
        assert ex.results == [] and ex.stdout == "", ex.describe()
    ex = ok(kernel, "zzNothingNamedSo?")
    (page,) = ex.content["payload"]
    assert page["data"]["text/plain"].startswith("No information for `zzNothingNamedSo`"), ex.describe()
    # A method named ? is Scala, not a help request.
    ok(kernel, "object Ask { def ?(n: Int): Int = n + 1 }")
    ex = ok(kernel, "Ask ? 41")
    assert ex.result_text == "42" and ex.content["payload"] == [], ex.describe()
