"""execute_request: IOPub order, streams, execution counts, user_expressions, rich output."""

from __future__ import annotations

import pytest


def test_iopub_order_busy_input_outputs_reply_idle(kernel, dialect):
    d = dialect
    code = d.lines(d.print("one"), d.html("<i>two</i>"), d.eprint("three"), d.value("four"))
    ex = kernel.execute(code)
    assert ex.status == "ok", ex.describe()
    types = ex.types
    assert types[0] == "status" and ex.iopub[0]["content"]["execution_state"] == "busy"
    assert types[1] == "execute_input"
    assert types[-1] == "status" and ex.iopub[-1]["content"]["execution_state"] == "idle"
    assert set(types[2:-1]) == {"stream", "display_data", "execute_result"}, types
    assert ex.iopub[1]["content"]["code"] == code
    assert ex.iopub[1]["content"]["execution_count"] == ex.execution_count
    # The reply is sent after every output and before idle (kernel clock, one publisher).
    reply_date = ex.reply["header"]["date"]
    assert all(m["header"]["date"] <= reply_date for m in ex.iopub[:-1])
    assert reply_date <= ex.iopub[-1]["header"]["date"]
    # Everything on IOPub for this request is parented to it, and only busy/idle are status.
    assert all(m["parent_header"]["msg_id"] == ex.msg_id for m in ex.iopub)


def test_many_prints_are_batched_into_few_stream_messages(kernel, dialect):
    ex = kernel.execute(dialect.print_many("line ", 300))
    assert ex.status == "ok"
    assert ex.stdout == "".join(f"line {i}\n" for i in range(300))
    streams = ex.of_type("stream")
    assert len(streams) <= 15, f"{len(streams)} stream messages for 300 prints: output not batched"


def test_stdout_is_flushed_before_a_display(kernel, dialect):
    d = dialect
    ex = kernel.execute(d.lines(d.print("before"), d.write("partial"), d.html("<p>x</p>"), d.print("after")))
    assert ex.status == "ok"
    outs = [(m["header"]["msg_type"], m["content"].get("text")) for m in ex.outputs]
    display_at = [t for t, _ in outs].index("display_data")
    before_text = "".join(text for t, text in outs[:display_at] if t == "stream")
    after_text = "".join(text for t, text in outs[display_at + 1 :] if t == "stream")
    assert before_text == "before\npartial", outs
    assert after_text == "after\n", outs


def test_stdout_is_flushed_before_the_reply_and_stderr_before_an_error(kernel, dialect):
    d = dialect
    ex = kernel.execute(d.lines(d.print("last words"), d.eprint("warning"), d.error("stop")))
    assert ex.status == "error"
    outs = ex.outputs
    assert ex.stdout == "last words\n"
    assert ex.stderr == "warning\n"
    error_at = [m["header"]["msg_type"] for m in outs].index("error")
    assert all(m["header"]["msg_type"] == "stream" for m in outs[:error_at])
    assert error_at == len(outs) - 1, "output after the error"
    assert all(m["header"]["date"] <= ex.reply["header"]["date"] for m in outs)


def test_execution_count_rules(kernel, target, dialect):
    d = dialect
    first = kernel.execute(d.value("1"))
    n = first.execution_count
    assert isinstance(n, int) and n >= 1
    assert first.of_type("execute_input")[0]["content"]["execution_count"] == n
    assert first.results[0]["content"]["execution_count"] == n

    silent = kernel.execute(d.value("2"), silent=True)
    assert silent.status == "ok"
    assert silent.execution_count == n, "silent requests report the current count"
    assert silent.of_type("execute_input") == [] and silent.results == []

    unstored = kernel.execute(d.value("3"), store_history=False)
    assert unstored.status == "ok"
    assert unstored.execution_count == n, "store_history=false must not consume a count"
    for m in unstored.of_type("execute_input"):
        assert isinstance(m["content"]["execution_count"], int)
        if target.is_kindling:
            assert m["content"]["execution_count"] == n
    for m in unstored.results:
        assert m["content"]["execution_count"] == n

    second = kernel.execute(d.value("4"))
    assert second.execution_count == n + 1

    failed = kernel.execute(d.error("boom"))
    assert failed.status == "error"
    assert failed.execution_count == n + 2, "an error still consumes its count"
    assert [m["content"]["ename"] for m in failed.errors] == [d.error_name]

    third = kernel.execute(d.value("5"))
    assert third.execution_count == n + 3

    query = kernel.execute("", silent=True)
    assert query.execution_count == n + 3


def test_user_expressions(kernel, dialect):
    ex = kernel.execute(
        dialect.print("cell"),
        user_expressions={"x": dialect.expression_42, "bad": dialect.failing_expression},
    )
    assert ex.status == "ok", ex.describe()
    expressions = ex.content["user_expressions"]
    assert expressions["x"] == {"status": "ok", "data": {"text/plain": "42"}, "metadata": {}}
    bad = expressions["bad"]
    assert bad["status"] == "error"
    assert isinstance(bad["ename"], str) and bad["ename"]
    assert isinstance(bad["evalue"], str)
    assert isinstance(bad["traceback"], list) and all(isinstance(t, str) for t in bad["traceback"])
    if dialect.language_name == "kindling-test":
        assert (bad["ename"], bad["evalue"]) == ("TestError", "boom")
    # Expressions produce no output of their own and do not consume counts.
    assert ex.results == [] and ex.errors == []
    assert kernel.execute(dialect.value("x")).execution_count == ex.execution_count + 1


def test_execute_result_versus_display_data(kernel, dialect):
    result = kernel.execute(dialect.point(1, 2))
    assert result.status == "ok"
    assert result.of_type("display_data") == []
    [res] = result.results
    assert res["content"]["data"]["text/html"] == "<b>(1, 2)</b>"
    assert res["content"]["data"]["text/plain"] == "(1, 2)"
    assert res["content"]["execution_count"] == result.execution_count
    assert isinstance(res["content"]["metadata"], dict)

    shown = kernel.execute(dialect.lines(dialect.html("<b>bold</b>"), dialect.display("text/markdown", "*md*")))
    assert shown.status == "ok"
    assert shown.results == []
    html, markdown = shown.of_type("display_data")
    assert html["content"]["data"]["text/html"] == "<b>bold</b>"
    assert markdown["content"]["data"]["text/markdown"] == "*md*"
    assert markdown["content"]["data"]["text/plain"] == "*md*"
    assert isinstance(html["content"]["metadata"], dict)


def test_update_display_data_by_display_id(kernel, dialect):
    first = kernel.execute(dialect.update("progress", "10%"))
    [shown] = first.of_type("display_data")
    display_id = shown["content"]["transient"]["display_id"]
    assert isinstance(display_id, str) and display_id
    assert shown["content"]["data"]["text/plain"] == "10%"

    second = kernel.execute(dialect.lines(dialect.update("progress", "50%"), dialect.update("progress", "100%")))
    updates = second.of_type("update_display_data")
    assert second.of_type("display_data") == []
    assert [u["content"]["data"]["text/plain"] for u in updates] == ["50%", "100%"]
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)

    other = kernel.execute(dialect.update("another", "x"))
    [new] = other.of_type("display_data")
    assert new["content"]["transient"]["display_id"] != display_id


@pytest.mark.parametrize("wait", [False, True])
def test_clear_output(kernel, dialect, wait):
    ex = kernel.execute(dialect.lines(dialect.print("soon gone"), dialect.clear(wait), dialect.print("stays")))
    assert ex.status == "ok"
    types = [m["header"]["msg_type"] for m in ex.outputs]
    [clear] = ex.of_type("clear_output")
    assert clear["content"]["wait"] is wait
    at = types.index("clear_output")
    assert "".join(m["content"]["text"] for m in ex.outputs[:at] if m["header"]["msg_type"] == "stream") == "soon gone\n"
    assert "".join(m["content"]["text"] for m in ex.outputs[at + 1 :] if m["header"]["msg_type"] == "stream") == "stays\n"


UNICODE = "héllo wörld · 日本語 · 😀🎉 · 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"


def test_utf8_round_trip(kernel, dialect):
    d = dialect
    code = d.lines(d.print(UNICODE), d.eprint(UNICODE), d.value(UNICODE))
    ex = kernel.execute(code)
    assert ex.status == "ok", ex.describe()
    assert ex.of_type("execute_input")[0]["content"]["code"] == code
    assert ex.stdout == UNICODE + "\n"
    assert ex.stderr == UNICODE + "\n"
    assert ex.result_text == UNICODE
    failed = kernel.execute(d.error(UNICODE))
    assert failed.errors[0]["content"]["evalue"] == UNICODE


def test_output_from_a_thread_reaches_its_cell(kernel, dialect):
    ex = kernel.execute(dialect.thread("from another thread"))
    assert ex.status == "ok"
    assert "from another thread\n" in ex.stdout, ex.describe()


def test_error_is_one_message_with_short_name_and_value(kernel, dialect):
    ex = kernel.execute(dialect.error("something broke"))
    assert ex.status == "error"
    assert ex.content["ename"] == dialect.error_name
    assert ex.content["evalue"] == "something broke"
    assert isinstance(ex.content["traceback"], list)
    [err] = ex.outputs  # exactly one output: the error (no trace on stderr as well)
    assert err["header"]["msg_type"] == "error"
    assert err["content"]["ename"] == dialect.error_name
    assert err["content"]["evalue"] == "something broke"
    assert all(isinstance(line, str) for line in err["content"]["traceback"])


@pytest.mark.kindling_only
def test_uncaught_exception_becomes_a_cell_error(kernel):
    ex = kernel.execute("throw it went wrong")
    assert ex.status == "error"
    [err] = ex.errors
    assert "IllegalStateException" in err["content"]["ename"]
    assert err["content"]["evalue"] == "it went wrong"
    assert ex.stderr == ""  # the trace is in the error message, not printed as well
    assert kernel.execute("print fine").stdout == "fine\n"


@pytest.mark.kindling_only
def test_unknown_command_is_a_cell_error(kernel):
    ex = kernel.execute("frobnicate now")
    assert ex.status == "error"
    assert "unknown command: frobnicate" in ex.errors[0]["content"]["evalue"]


@pytest.mark.kindling_only
def test_shared_data_map(kernel):
    assert kernel.execute("set colour green").status == "ok"
    assert kernel.execute("get colour").result_text == "green"
