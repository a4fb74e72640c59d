"""Comms: comm_info, the echo target with buffers, unknown targets, kernel-opened comms."""

from __future__ import annotations

import uuid

from harness.kernel import statuses


def comm_info(kernel, target_name=None):
    content = {} if target_name is None else {"target_name": target_name}
    reply = kernel.request("comm_info_request", content)
    assert reply["content"]["status"] == "ok"
    return reply["content"]["comms"]


def open_echo(kernel, data):
    comm_id = uuid.uuid4().hex
    msg_id = kernel.send("comm_open", {"comm_id": comm_id, "target_name": "echo", "data": data})
    messages = kernel.until_idle(msg_id, 10)
    assert statuses(messages) == ["busy", "idle"]
    return comm_id, messages


def test_open_echo_comm_and_round_trip_with_buffers(kernel):
    comm_id, messages = open_echo(kernel, {"hello": "wörld 😀"})
    [opened] = [m for m in messages if m["header"]["msg_type"] == "comm_msg"]
    assert opened["content"]["comm_id"] == comm_id
    assert opened["content"]["data"] == {"opened": {"hello": "wörld 😀"}}

    assert comm_info(kernel, "echo")[comm_id] == {"target_name": "echo"}
    assert comm_id in comm_info(kernel)
    assert comm_id not in comm_info(kernel, "some-other-target")

    buffers = [b"\x00\x01\x02binary\xff", bytes(range(256)) * 64]
    data = {"n": 1, "nested": {"list": [1, 2.5, None, True]}}
    msg_id = kernel.send("comm_msg", {"comm_id": comm_id, "data": data}, buffers=buffers)
    messages = kernel.until_idle(msg_id, 10)
    [echo] = [m for m in messages if m["header"]["msg_type"] == "comm_msg"]
    assert echo["content"] == {"comm_id": comm_id, "data": {"echo": data}}
    assert [bytes(b) for b in echo["buffers"]] == buffers

    close = kernel.send("comm_close", {"comm_id": comm_id, "data": {}})
    kernel.until_idle(close, 10)
    assert comm_id not in comm_info(kernel)


def test_each_message_is_echoed_in_order(kernel):
    comm_id, _ = open_echo(kernel, {})
    ids = [kernel.send("comm_msg", {"comm_id": comm_id, "data": {"i": i}}) for i in range(20)]
    echoes = []
    for msg_id in ids:
        echoes += [m["content"]["data"] for m in kernel.until_idle(msg_id, 10) if m["header"]["msg_type"] == "comm_msg"]
    assert echoes == [{"echo": {"i": i}} for i in range(20)]
    kernel.until_idle(kernel.send("comm_close", {"comm_id": comm_id, "data": {}}), 10)


def test_unknown_target_is_answered_with_comm_close(kernel):
    comm_id = uuid.uuid4().hex
    msg_id = kernel.send("comm_open", {"comm_id": comm_id, "target_name": "no-such-target", "data": {}})
    messages = kernel.until_idle(msg_id, 10)
    closes = [m for m in messages if m["header"]["msg_type"] == "comm_close"]
    assert [c["content"]["comm_id"] for c in closes] == [comm_id]
    assert comm_id not in comm_info(kernel)


def test_kernel_opened_comm(kernel, dialect):
    ex = kernel.execute(dialect.comm_open("kindling.e2e.target"))
    assert ex.status == "ok", ex.describe()
    [opened] = ex.of_type("comm_open")
    content = opened["content"]
    assert content["target_name"] == "kindling.e2e.target"
    assert content["data"] == {"from": "kernel"}
    assert isinstance(content["comm_id"], str) and content["comm_id"]
    assert comm_info(kernel, "kindling.e2e.target") == {content["comm_id"]: {"target_name": "kindling.e2e.target"}}


def test_messages_to_an_unknown_comm_are_ignored(kernel, dialect):
    msg_id = kernel.send("comm_msg", {"comm_id": "not-open", "data": {"x": 1}})
    assert statuses(kernel.until_idle(msg_id, 10)) == ["busy", "idle"]
    assert kernel.execute(dialect.print("fine")).stdout == "fine\n"
