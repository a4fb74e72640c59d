"""kernel_info on shell and control; busy/idle around every request; the starting status."""

from __future__ import annotations

import time

import pytest

from harness.kernel import deadline_after, remaining, statuses
from harness.launch import launch, new_connection_file
from harness.wire import WireClient


def check_kernel_info(content: dict, target, dialect) -> None:
    assert content["status"] == "ok"
    assert isinstance(content["implementation"], str) and content["implementation"]
    assert isinstance(content["banner"], str)
    major, minor = content["protocol_version"].split(".")
    assert major == "5", content["protocol_version"]
    info = content["language_info"]
    assert info["name"] == dialect.language_name
    assert info["file_extension"] == dialect.file_extension
    assert info["file_extension"].startswith(".")
    if target.is_kindling:
        assert content["protocol_version"] in ("5.4", "5.5")
        # Nothing optional (debugger, subshells) is implemented yet, so nothing is advertised.
        assert content["supported_features"] == []


@pytest.mark.parametrize("channel", ["shell", "control"])
def test_kernel_info_reply(kernel, target, dialect, channel):
    msg_id = kernel.send("kernel_info_request", {}, channel)
    reply = kernel.reply(msg_id, channel, timeout=5)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["header"]["msg_type"] == "kernel_info_reply"
    check_kernel_info(reply["content"], target, dialect)
    assert statuses(kernel.until_idle(msg_id, 5)) == ["busy", "idle"]


def test_kernel_info_on_control_is_answered_while_a_cell_runs(kernel, dialect):
    running = kernel.send_execute(dialect.sleep(3000))
    kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == running and m["header"]["msg_type"] == "execute_input",
        10,
        "execute_input of the running cell",
    )
    asked = time.monotonic()
    info = kernel.send("kernel_info_request", {}, "control")
    kernel.reply(info, "control", timeout=2)
    answered = kernel.reply_received(info, "control").at
    assert answered - asked < 1.0, "control request waited for the running cell"
    assert kernel.reply_received(running) is None, "the cell should still be running"
    assert kernel.finish(running).status == "ok"


REQUESTS = [
    ("kernel_info_request", {}, "shell", "kernel_info_reply"),
    ("kernel_info_request", {}, "control", "kernel_info_reply"),
    ("execute_request", None, "shell", "execute_reply"),
    ("complete_request", {"code": "x", "cursor_pos": 1}, "shell", "complete_reply"),
    ("inspect_request", {"code": "x", "cursor_pos": 1, "detail_level": 0}, "shell", "inspect_reply"),
    ("is_complete_request", {"code": ""}, "shell", "is_complete_reply"),
    ("history_request", {"output": False, "raw": True, "hist_access_type": "tail", "n": 3}, "shell", "history_reply"),
    ("comm_info_request", {}, "shell", "comm_info_reply"),
    ("comm_close", {"comm_id": "no-such-comm", "data": {}}, "shell", None),
    ("comm_msg", {"comm_id": "no-such-comm", "data": {}}, "shell", None),
    ("kindling_no_such_request", {}, "shell", None),
    ("kindling_no_such_request", {}, "control", None),
]


@pytest.mark.parametrize(
    "msg_type,content,channel,reply_type", REQUESTS, ids=[f"{r[0]}-{r[2]}" for r in REQUESTS]
)
def test_busy_and_idle_around_every_request(kernel, dialect, msg_type, content, channel, reply_type):
    if content is None:
        content = {"code": dialect.print("hi"), "silent": False, "store_history": True,
                   "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}
    msg_id = kernel.send(msg_type, content, channel)
    messages = kernel.until_idle(msg_id, 10)
    assert messages[0]["header"]["msg_type"] == "status"
    assert statuses(messages) == ["busy", "idle"], [m["header"]["msg_type"] for m in messages]
    assert messages[0]["content"]["execution_state"] == "busy"
    assert messages[-1]["content"]["execution_state"] == "idle"
    if reply_type:
        reply = kernel.reply(msg_id, channel, 5)
        assert reply["header"]["msg_type"] == reply_type
    else:
        # Unknown requests and comm messages get no reply: nothing arrives after idle.
        kernel.collect_iopub(0.3)
        assert kernel.reply_received(msg_id, channel) is None


def test_unknown_request_leaves_the_kernel_working(kernel, dialect):
    kernel.until_idle(kernel.send("kindling_no_such_request", {"x": 1}), 5)
    ex = kernel.execute(dialect.print("still here"))
    assert ex.status == "ok" and "still here" in ex.stdout


def test_status_from_the_first_connection(target, tmp_path):
    """A client that connects before the kernel binds sees a consistent status stream.

    ``starting`` is published once at boot, usually before any subscriber exists, so it is only
    checked when seen. What must hold: it comes first with an empty parent, and from the first
    busy the client sees, every request gets busy then idle (no missing idle).
    """
    connection_file, info = new_connection_file(tmp_path / "conn")
    client = WireClient(info)  # iopub SUB and shell DEALER connected before the kernel exists
    proc = launch(target.kernel_name, connection_file, tmp_path / "logs")
    try:
        seen = []  # (execution_state, parent msg_id)
        sent = []
        deadline = deadline_after(60)
        complete_pairs = 0
        next_send = 0.0

        def unfinished():
            busy = [p for state, p in seen if state == "busy"]
            return [p for p in busy if ("idle", p) not in seen]

        # Ask until three requests have had busy and idle; then let every busy seen finish.
        while (complete_pairs < 3 or unfinished()) and remaining(deadline) > 0:
            if complete_pairs < 3 and time.monotonic() >= next_send:
                sent.append(client.send("shell", "kernel_info_request", {}))
                next_send = time.monotonic() + 0.5
            msg = client.recv("iopub", 0.1)
            while msg is not None:
                assert msg.signature_ok, "iopub message with a bad signature"
                if msg.msg_type == "status":
                    state = msg.content["execution_state"]
                    seen.append((state, msg.parent_id))
                    if state == "idle" and ("busy", msg.parent_id) in seen and msg.parent_id in sent:
                        complete_pairs += 1
                        next_send = 0.0
                msg = client.recv("iopub", 0.0)
            while client.recv("shell", 0.0):
                pass
        assert complete_pairs >= 3, f"no busy/idle pairs for kernel_info; statuses: {seen}"
        print(f"statuses seen from connect: {seen}")
        if ("starting", None) in seen:
            assert seen[0] == ("starting", None)
        assert all(state != "starting" for state, _ in seen[1:])
        first_busy = next(i for i, (state, _) in enumerate(seen) if state == "busy")
        pairs = seen[first_busy:]
        for i in range(0, len(pairs), 2):
            busy, idle = pairs[i], pairs[i + 1] if i + 1 < len(pairs) else None
            assert busy[0] == "busy" and idle is not None and idle == ("idle", busy[1]), pairs
    finally:
        client.close()
        proc.kill()
        proc.wait(10)
