"""interrupt_request (interrupt_mode "message"): running cells stop, the kernel stays usable."""

from __future__ import annotations

import time

import pytest


def wait_running(kernel, msg_id):
    kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id and m["header"]["msg_type"] == "execute_input",
        10,
        "execute_input of the cell to interrupt",
    )


def interrupt_and_finish(kernel, msg_id):
    asked = time.monotonic()
    reply = kernel.interrupt(timeout=5)
    assert reply["content"]["status"] == "ok"
    ex = kernel.finish(msg_id, timeout=10)
    return ex, kernel.reply_received(msg_id).at - asked, ex.idle_at - asked


@pytest.mark.parametrize("kind", ["sleep", "busy"])
def test_interrupt_a_running_cell(kernel, dialect, kind):
    code = dialect.sleep(60000) if kind == "sleep" else dialect.busy(60000)
    msg_id = kernel.send_execute(code)
    wait_running(kernel, msg_id)
    ex, reply_after, idle_after = interrupt_and_finish(kernel, msg_id)
    assert ex.status == "error", ex.describe()
    assert len(ex.errors) == 1
    assert reply_after < 2.0, f"the cell took {reply_after:.2f} s to stop"
    assert idle_after < 2.5
    after = kernel.execute(dialect.print("next cell"))
    assert after.status == "ok" and after.stdout == "next cell\n"


def test_interrupt_while_waiting_for_input(kernel, dialect):
    msg_id = kernel.send_execute(dialect.input("Waiting: "), allow_stdin=True)
    kernel.stdin_request(10)
    ex, reply_after, _ = interrupt_and_finish(kernel, msg_id)
    assert ex.status == "error"
    assert reply_after < 2.0
    # stdin still works for the next cell
    next_id = kernel.send_execute(dialect.input("Again: "), allow_stdin=True)
    kernel.stdin_request(10)
    kernel.kc.input("yes")
    assert "got: yes" in kernel.finish(next_id).stdout


def test_interrupt_when_idle_is_harmless(kernel, dialect):
    assert kernel.interrupt()["content"]["status"] == "ok"
    ex = kernel.execute(dialect.print("unaffected"))
    assert ex.status == "ok" and ex.stdout == "unaffected\n"


def test_interrupt_request_gets_busy_and_idle_on_control(kernel):
    msg_id = kernel.send("interrupt_request", {}, "control")
    kernel.reply(msg_id, "control", 5)
    statuses = [m["content"]["execution_state"] for m in kernel.until_idle(msg_id, 5) if m["header"]["msg_type"] == "status"]
    assert statuses == ["busy", "idle"]


@pytest.mark.kindling_only
def test_cell_that_ignores_interrupts_does_not_wedge_the_kernel(kernel):
    msg_id = kernel.send_execute("spin 1500")
    wait_running(kernel, msg_id)
    asked = time.monotonic()
    assert kernel.interrupt(timeout=2)["content"]["status"] == "ok"
    assert time.monotonic() - asked < 1.0, "interrupt_reply must not wait for the cell"
    ex = kernel.finish(msg_id, timeout=15)
    assert ex.status in ("ok", "error")
    assert kernel.execute("print alive").stdout == "alive\n"
