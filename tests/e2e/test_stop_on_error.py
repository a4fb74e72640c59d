"""stop_on_error: an error aborts the executes queued behind it, and nothing else."""

from __future__ import annotations

from harness.kernel import statuses


def queue_behind_failing_cell(kernel, dialect, stop_on_error: bool):
    d = dialect
    failing = kernel.send_execute(d.lines(d.sleep(400), d.error("first")), stop_on_error=stop_on_error)
    queued = [kernel.send_execute(d.print(f"queued {i}")) for i in range(3)]
    return kernel.finish(failing), [kernel.finish(q) for q in queued]


def test_error_aborts_queued_executes(kernel, target, dialect):
    failed, queued = queue_behind_failing_cell(kernel, dialect, stop_on_error=True)
    assert failed.status == "error"
    for ex in queued:
        assert ex.status == "aborted", ex.describe()
        assert statuses(ex.iopub) == ["busy", "idle"]
        assert ex.types == ["status", "status"], "an aborted execute has no execute_input or output"
        if target.is_kindling:
            # The spec keeps execution_count in aborted replies (ipykernel 7 omits it).
            assert ex.execution_count == failed.execution_count
    after = kernel.execute(dialect.print("after"))
    assert after.status == "ok" and after.stdout == "after\n"
    assert after.execution_count == failed.execution_count + 1, "aborted executes consume no count"


def test_only_executes_are_aborted(kernel, dialect):
    d = dialect
    failing = kernel.send_execute(d.lines(d.sleep(400), d.error("first")))
    queued_execute = kernel.send_execute(d.print("never"))
    queued_complete = kernel.send("complete_request", {"code": "x", "cursor_pos": 1})
    queued_info = kernel.send("kernel_info_request", {})
    assert kernel.finish(failing).status == "error"
    assert kernel.finish(queued_execute).status == "aborted"
    assert kernel.reply(queued_complete)["content"]["status"] == "ok"
    assert kernel.reply(queued_info)["content"]["status"] == "ok"


def test_stop_on_error_false_does_not_abort(kernel, dialect):
    failed, queued = queue_behind_failing_cell(kernel, dialect, stop_on_error=False)
    assert failed.status == "error"
    for i, ex in enumerate(queued):
        assert ex.status == "ok", ex.describe()
        assert ex.stdout == f"queued {i}\n"


def test_later_cells_run_once_the_queue_has_drained(kernel, dialect):
    d = dialect
    failed = kernel.execute(d.error("alone"))
    assert failed.status == "error"
    ex = kernel.execute(d.print("next"))
    assert ex.status == "ok" and ex.stdout == "next\n"
