"""Headers and framing as sent on the wire, read with a raw ZeroMQ client (no jupyter_client
date parsing): date format, version, unique msg_ids, signatures, verbatim parent headers."""

from __future__ import annotations

import json
import re
import time

import pytest

from harness.wire import WireClient, WireMessage

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")


def no_nan(constant: str):
    raise AssertionError(f"non-finite number {constant} in kernel JSON")


@pytest.fixture
def wire(kernel):
    client = WireClient(kernel.connection_info)
    # A SUB socket's subscription is live only once something arrives: ask until it does.
    deadline = time.monotonic() + 10
    while True:
        client.send("shell", "kernel_info_request", {})
        got = client.recv("iopub", 0.5)
        if got is not None:
            break
        assert time.monotonic() < deadline, "iopub subscription never became live"
    while client.recv("iopub", 0.3) or client.recv("shell", 0.0):
        pass
    yield client
    client.close()


def collect(client: WireClient, msg_id: str, channel: str = "shell", timeout: float = 10) -> tuple[WireMessage, list[WireMessage]]:
    """The reply to msg_id and its IOPub messages through idle."""
    reply, iopub = None, []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = client.recv(channel, 0.0)
        if got is not None and got.parent_id == msg_id:
            reply = got
        msg = client.recv("iopub", 0.05)
        if msg is not None and msg.parent_id == msg_id:
            iopub.append(msg)
        if reply is not None and iopub and iopub[-1].msg_type == "status" and iopub[-1].content["execution_state"] == "idle":
            return reply, iopub
    raise AssertionError(f"no reply and idle for {msg_id} within {timeout} s (got reply={reply is not None}, {len(iopub)} iopub)")


def check_header(msg: WireMessage) -> dict:
    assert msg.signature_ok, "bad signature on a kernel message"
    for part in msg.raw_parts:
        json.loads(part, parse_constant=no_nan)
        part.decode("utf-8")  # strict UTF-8
    header = msg.header
    for key in ("msg_id", "msg_type", "username", "session", "date", "version"):
        assert isinstance(header.get(key), str), f"header {key} missing or not a string: {header}"
    assert DATE.match(header["date"]), f"date {header['date']!r} is not ISO 8601 UTC with Z"
    assert header["version"] == "5.4"
    assert isinstance(msg.metadata, dict) and isinstance(msg.content, dict)
    return header


def test_headers_dates_versions_and_unique_ids(wire, dialect):
    d = dialect
    messages = []
    for code in (d.lines(d.print("a"), d.value("b"), d.html("<i>c</i>")), d.error("d"), d.print_many("x", 50)):
        msg_id = wire.send("shell", "execute_request", {"code": code, "silent": False, "store_history": True,
                                                          "user_expressions": {}, "allow_stdin": False, "stop_on_error": False})
        reply, iopub = collect(wire, msg_id)
        messages += [reply, *iopub]
    for request in ("kernel_info_request", "comm_info_request"):
        for channel in ("shell", "control") if request == "kernel_info_request" else ("shell",):
            reply, iopub = collect(wire, wire.send(channel, request, {}), channel)
            messages += [reply, *iopub]
    headers = [check_header(m) for m in messages]
    ids = [h["msg_id"] for h in headers]
    assert len(ids) == len(set(ids)), "msg_ids repeat"
    assert len({h["session"] for h in headers}) == 1, "one session id per kernel process"
    assert len({m.signature for m in messages}) == len(messages), "duplicate signatures"


def test_parent_header_is_the_request_header_verbatim(wire, dialect):
    header = wire.session.header("execute_request", subshell_id=None, x_kindling_trace={"keep": ["me", 1]})
    header["date"] = "2026-01-02T03:04:05.678901Z"
    msg_id = wire.send("shell", "execute_request", {"code": dialect.print("echo my header"), "silent": False,
                                                      "store_history": True, "user_expressions": {},
                                                      "allow_stdin": False, "stop_on_error": True}, header=header)
    reply, iopub = collect(wire, msg_id)
    sent = json.dumps(header, sort_keys=True)
    for msg in [reply, *iopub]:
        assert json.dumps(msg.parent_header, sort_keys=True) == sent, msg.msg_type


def test_reply_goes_to_the_requesting_client_only(kernel, wire):
    msg_id = wire.send("shell", "kernel_info_request", {})
    reply, _ = collect(wire, msg_id)
    assert reply.msg_type == "kernel_info_reply"
    kernel.collect_iopub(0.2)
    assert kernel.reply_received(msg_id) is None, "another client's reply reached this client"


def test_unicode_stays_unicode_on_the_wire(wire, dialect):
    text = "naïve 😀 日本"
    msg_id = wire.send("shell", "execute_request", {"code": dialect.print(text), "silent": False, "store_history": True,
                                                      "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    _, iopub = collect(wire, msg_id)
    [stream] = [m for m in iopub if m.msg_type == "stream"]
    assert stream.content["text"] == text + "\n"
