"""The built-in magics plugin (plugins/magics-builtin) through jupyter_client, against the
distribution with its own plugins: the ``kindling_scala`` kernelspec (Scala default) and, for the
language switches, ``kindling_pyspark``.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from pathlib import Path

import pytest

from harness import jupyter_env
from harness.kernel import KernelSession, wait_until
from harness.target import KINDLING_PYSPARK, SCALA

pytestmark = pytest.mark.kindling_only

SPARK_CELL_TIMEOUT = 180


SCALA_WITH_PYTHON = "kindling_scala_magics"


@pytest.fixture(scope="module")
def scala(tmp_path_factory):
    """The Scala kernelspec, told which Python %%pyspark cells use (the venv's)."""
    SCALA.check_available()
    spec = jupyter_env.kindling_scala_kernelspec()
    spec["argv"] += ["--conf", f"kindling.python={sys.executable}", "--conf", "spark.master=local[2]"]
    jupyter_env.write_kernelspec(
        Path(os.environ["JUPYTER_PATH"]) / "kernels", SCALA_WITH_PYTHON, spec
    )
    target = dataclasses.replace(SCALA, kernel_name=SCALA_WITH_PYTHON)
    session = KernelSession(target, tmp_path_factory.mktemp("logs"), name="scala-magics")
    session.start(ready_timeout=60)
    yield session
    session.stop()


@pytest.fixture
def kernel(scala):
    if not scala.is_alive():
        scala.stop()
        scala.start(ready_timeout=60)
    scala.forget()
    return scala


def ok(kernel, code, timeout=60.0):
    ex = kernel.execute(code, timeout=timeout)
    assert ex.status == "ok", ex.describe()
    return ex


def failed(kernel, code, timeout=60.0):
    ex = kernel.execute(code, timeout=timeout)
    assert ex.status == "error", ex.describe()
    [err] = ex.errors
    return ex, err["content"]


def error_text(content) -> str:
    return content["evalue"] + "\n" + "\n".join(content["traceback"])


# ----------------------------------------------------------------------------- %lsmagic, help


def test_lsmagic_lists_every_magic_of_every_plugin_with_a_description(kernel):
    text = ok(kernel, "%lsmagic").result_text
    for name in ("%lsmagic", "%help", "%sh", "%truncation", "%showtypes", "%showoutput"):
        assert re.search(rf"^  {re.escape(name)}\s+\S", text, re.M), (name, text)
    for name in ("%%html", "%%javascript", "%%markdown", "%%latex", "%%sh", "%%time", "%%scala"):
        assert re.search(rf"^  {re.escape(name)}\b.*\s+\S", text, re.M), (name, text)
    assert "%%pyspark (%%python)" in text, "the PySpark plugin's magic and its alias"
    assert "Display the cell as HTML" in text


@pytest.mark.parametrize("code", ["%sh?", "%SH?", "%help sh", "%help %sh", "%%sh?"])
def test_usage_of_a_magic(kernel, code):
    text = ok(kernel, code).result_text
    assert "%sh COMMAND" in text and "/bin/sh" in text


def test_help_for_an_unknown_name_fails_with_the_usage(kernel):
    _, content = failed(kernel, "%help nosuchmagic")
    assert content["ename"] == "UsageError"
    assert "no magic named nosuchmagic" in content["evalue"]
    assert "%help NAME" in error_text(content)


# ----------------------------------------------------------------------------- display magics


@pytest.mark.parametrize(
    "magic,mime",
    [
        ("html", "text/html"),
        ("HTML", "text/html"),
        ("javascript", "application/javascript"),
        ("js", "application/javascript"),
        ("markdown", "text/markdown"),
        ("latex", "text/latex"),
    ],
)
def test_display_magics_show_the_body_with_their_mime_type(kernel, magic, mime):
    body = "<b>bold</b> and $x^2$\nsecond line"
    ex = ok(kernel, f"%%{magic}\n{body}")
    [shown] = ex.of_type("display_data")
    assert shown["content"]["data"] == {mime: body, "text/plain": body}
    assert ex.results == []


def test_display_magic_without_a_body_fails_with_its_usage(kernel):
    _, content = failed(kernel, "%%html\n   ")
    assert content["ename"] == "UsageError"
    assert "%%html" in error_text(content)
    assert ok(kernel, "1 + 1").result_text == "2"


# ----------------------------------------------------------------------------- %sh


def test_sh_line_magic_runs_ls(kernel, tmp_path):
    (tmp_path / "alpha.txt").write_text("a")
    (tmp_path / "beta.txt").write_text("b")
    ex = ok(kernel, f"%sh ls {tmp_path}")
    assert ex.stdout == "alpha.txt\nbeta.txt\n"


def test_sh_cell_magic_streams_stdout_and_stderr_as_their_streams(kernel):
    ex = ok(kernel, "%%sh\necho out one\necho err one >&2\necho out two")
    assert ex.stdout == "out one\nout two\n"
    assert ex.stderr == "err one\n"


def test_sh_output_arrives_while_the_command_runs(kernel, tmp_path):
    gate = tmp_path / "gate"
    msg_id = kernel.send_execute(
        f"%%sh\necho first\nwhile [ ! -e {gate} ]; do sleep 0.05; done\necho second"
    )
    kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id
        and m["header"]["msg_type"] == "stream"
        and "first" in m["content"]["text"],
        30,
        "the first line before the command ends",
    )
    gate.write_text("go")
    ex = kernel.finish(msg_id, timeout=30)
    assert ex.status == "ok", ex.describe()
    assert ex.stdout == "first\nsecond\n"


def test_sh_non_zero_exit_fails_the_cell_with_the_exit_code(kernel):
    ex, content = failed(kernel, "%sh echo partial; exit 7")
    assert ex.stdout == "partial\n"
    assert content["ename"] == "ShellError"
    assert "exited with code 7" in content["evalue"]


def test_sh_interrupt_kills_the_process_and_its_children(kernel):
    msg_id = kernel.send_execute("%%sh\nsleep 300 &\necho child $!\nsleep 300")
    started = kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id
        and m["header"]["msg_type"] == "stream"
        and "child" in m["content"]["text"],
        30,
        "the script to start its child",
    )
    child = int(re.search(r"child (\d+)", started["content"]["text"]).group(1))
    assert kernel.interrupt()["content"]["status"] == "ok"
    ex = kernel.finish(msg_id, timeout=10)
    assert ex.status == "error"
    assert ex.errors[0]["content"]["ename"] == "Interrupted"
    wait_until(lambda: not _alive(child), 10, f"background child {child} to end")
    assert ok(kernel, "%sh echo still here").stdout == "still here\n"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_sh_without_a_command_prints_the_usage(kernel):
    _, content = failed(kernel, "%sh")
    assert content["ename"] == "UsageError"
    assert "%sh COMMAND" in error_text(content)


# ----------------------------------------------------------------------------- unknown magics


def test_unknown_cell_magic_names_the_nearest_magics(kernel):
    _, content = failed(kernel, "%%htm\n<b>x</b>")
    assert content["ename"] == "UnknownMagic"
    assert "no cell magic named %%htm" in content["evalue"]
    assert "%%html" in content["evalue"]
    assert "%lsmagic" in error_text(content)
    assert ok(kernel, "1 + 1").result_text == "2"


def test_unknown_cell_magic_with_nothing_near_still_fails_clearly(kernel):
    _, content = failed(kernel, "%%zzzzzzzzzzzz\n1")
    assert content["ename"] == "UnknownMagic"
    assert "did you mean" not in content["evalue"]


# ----------------------------------------------------------------------------- language switches


def test_scala_cell_in_a_scala_notebook_shares_definitions(kernel):
    ok(kernel, "val shared = 20")
    assert ok(kernel, "%%scala\nshared + 1").result_text == "21"
    assert ok(kernel, "%%SCALA\nshared * 2").result_text == "40"


def test_scala_cell_interrupt_reaches_the_scala_interpreter(kernel):
    msg_id = kernel.send_execute('%%scala\nprintln("sleeping"); Thread.sleep(60000)')
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


def test_pyspark_cells_in_a_scala_notebook_share_the_session(kernel):
    ok(kernel, 'spark.range(5).toDF("n").createOrReplaceTempView("from_scala")', SPARK_CELL_TIMEOUT)
    ex = ok(
        kernel,
        "%%pyspark\nimport sys\nprint(sys.version_info[0])\nspark.table('from_scala').count()",
        SPARK_CELL_TIMEOUT,
    )
    assert ex.stdout == "3\n"
    assert ex.result_text == "5"
    ex = ok(
        kernel,
        "%%python\nspark.range(3).toDF('m').createOrReplaceTempView('from_python')",
        SPARK_CELL_TIMEOUT,
    )
    assert ok(kernel, 'spark.table("from_python").count()', SPARK_CELL_TIMEOUT).result_text == "3"
    # An interrupt reaches the Python child running a %%pyspark cell, not only the JVM thread.
    msg_id = kernel.send_execute("%%pyspark\nimport time\nprint('sleeping', flush=True)\ntime.sleep(120)")
    kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id
        and m["header"]["msg_type"] == "stream"
        and "sleeping" in m["content"]["text"],
        60,
        "the Python cell to reach its sleep",
    )
    assert kernel.interrupt()["content"]["status"] == "ok"
    ex = kernel.finish(msg_id, timeout=15)
    assert ex.status == "error"
    assert ok(kernel, "%%pyspark\n1 + 2").result_text == "3"


def test_pyspark_notebook_runs_scala_cells_on_the_same_session(tmp_path):
    session = KernelSession(KINDLING_PYSPARK, tmp_path, name="pyspark-magics")
    try:
        session.start(run_prelude=False)
        ok(
            session,
            "spark.range(4).toDF('n').createOrReplaceTempView('from_python')",
            SPARK_CELL_TIMEOUT,
        )
        ex = ok(
            session,
            '%%scala\nval n = spark.table("from_python").count()\nn * 10',
            SPARK_CELL_TIMEOUT,
        )
        assert ex.result_text == "40"
        assert ok(session, "%%pyspark\n6 * 7").result_text == "42"
        ex = ok(session, "%%time\nprint('in python')\nsum(range(10))")
        assert ex.result_text == "45"
        assert re.fullmatch(r"in python\nWall time: [0-9.]+ (s|ms|µs)\n", ex.stdout), ex.stdout
        # IPython's own cell magics still reach ipykernel: no plugin claims %%capture.
        ex = ok(session, "%%capture captured\nprint('hidden')")
        assert ex.stdout == ""
        assert ok(session, "captured.stdout").result_text == "'hidden\\n'"
        # A misspelt magic gets IPython's own error there.
        ex = session.execute("%%htmll\n<b>x</b>")
        assert ex.status == "error"
        assert "htmll" in ex.errors[0]["content"]["evalue"]
    finally:
        session.stop()


# ----------------------------------------------------------------------------- %%time


def test_time_runs_the_cell_in_scala_and_prints_the_wall_time(kernel):
    ex = ok(kernel, '%%time\nprintln("working")\nThread.sleep(300)\n6 * 7')
    assert ex.result_text == "42"
    lines = ex.stdout.splitlines()
    assert lines[0] == "working"
    match = re.fullmatch(r"Wall time: ([0-9.]+) (s|ms)", lines[-1])
    assert match, ex.stdout
    seconds = float(match.group(1)) / (1000 if match.group(2) == "ms" else 1)
    assert 0.3 <= seconds < 30


def test_time_keeps_the_cells_error(kernel):
    ex, content = failed(kernel, "%%time\nundefinedName + 1")
    assert content["ename"] == "CompileError"
    assert "Wall time:" in ex.stdout


# ----------------------------------------------------------------------------- Toree's switches


def test_showtypes_puts_the_type_before_scala_results(kernel):
    assert ok(kernel, "%showtypes").result_text == "Showtypes is off"
    try:
        assert ok(kernel, "%ShowTypes on").result_text == "Showtypes is on"
        assert ok(kernel, "6 * 7").result_text == "Int = 42"
        assert ok(kernel, 'List("a")').result_text == 'List[String] = List(a)'
    finally:
        ok(kernel, "%showtypes off")
    assert ok(kernel, "6 * 7").result_text == "42"


def test_showoutput_off_hides_the_repl_echo_but_not_println(kernel):
    assert ok(kernel, "%showoutput").result_text == "Showoutput is on"
    assert "val echoed: Int = 1" in ok(kernel, "val echoed = 1").stdout
    try:
        ok(kernel, "%showoutput off")
        ex = ok(kernel, 'val hidden = 2\nprintln("printed")\nhidden + 1')
        assert ex.stdout == "printed\n"
        assert ex.result_text == "3"
    finally:
        ok(kernel, "%showoutput on")


def test_truncation_cuts_long_values_in_dataframe_tables(kernel):
    long_value = "x" * 30
    code = f'Seq("{long_value}").toDF("s")'
    assert ok(kernel, "%truncation").result_text == "Truncation is off"
    assert long_value in ok(kernel, code, SPARK_CELL_TIMEOUT).result_text
    try:
        ok(kernel, "%truncation on")
        ex = ok(kernel, code, SPARK_CELL_TIMEOUT)
        assert "x" * 17 + "..." in ex.result_text and long_value not in ex.result_text
        html = ex.results[0]["content"]["data"]["text/html"]
        assert "x" * 17 + "..." in html
    finally:
        ok(kernel, "%truncation off")


def test_a_switch_with_a_wrong_argument_prints_its_usage(kernel):
    _, content = failed(kernel, "%truncation maybe")
    assert content["ename"] == "UsageError"
    assert "%truncation [on|off]" in error_text(content)
