"""stdin: input_request/input_reply, password input, allow_stdin=false."""

from __future__ import annotations

import time


def answer_input(kernel, code, answer, **options):
    msg_id = kernel.send_execute(code, allow_stdin=True, **options)
    request = kernel.stdin_request(10)
    assert request["header"]["msg_type"] == "input_request"
    assert request["parent_header"]["msg_id"] == msg_id
    kernel.kc.input(answer)
    return request, kernel.finish(msg_id, code)


def test_input_is_answered_through_stdin(kernel, dialect):
    request, ex = answer_input(kernel, dialect.input("Your name? "), "Ada")
    assert request["content"]["prompt"] == "Your name? "
    assert request["content"]["password"] is False
    assert ex.status == "ok"
    assert "got: Ada\n" in ex.stdout


def test_input_round_trips_unicode(kernel, dialect):
    _, ex = answer_input(kernel, dialect.input("? "), "Zoë 😀 日本")
    assert "got: Zoë 😀 日本\n" in ex.stdout


def test_password_input(kernel, dialect):
    request, ex = answer_input(kernel, dialect.password("Secret: "), "hunter22")
    assert request["content"]["password"] is True
    assert request["content"]["prompt"] == "Secret: "
    assert ex.status == "ok"
    assert "got 8 characters\n" in ex.stdout
    assert "hunter22" not in ex.stdout


def test_stdout_before_input_is_flushed_first(kernel, dialect):
    code = dialect.lines(dialect.print("about to ask"), dialect.input("? "))
    msg_id = kernel.send_execute(code, allow_stdin=True)
    kernel.stdin_request(10)
    # By the time the prompt is shown, the earlier output must be visible.
    kernel.wait_iopub(
        lambda m: m["parent_header"].get("msg_id") == msg_id and m["header"]["msg_type"] == "stream"
        and "about to ask" in m["content"]["text"],
        2,
        "stdout printed before the input request",
    )
    kernel.kc.input("x")
    assert kernel.finish(msg_id).status == "ok"


def test_input_without_allow_stdin_fails_at_once(kernel, dialect):
    started = time.monotonic()
    ex = kernel.execute(dialect.input("Name? "), timeout=10, allow_stdin=False)
    assert time.monotonic() - started < 3, "the read should fail at once, not wait"
    assert ex.status == "error"
    assert ex.content["ename"] and isinstance(ex.content["evalue"], str)
    assert len(ex.errors) == 1
    assert kernel._stdin == [], "no input_request may be sent when stdin is not allowed"
    assert kernel.execute(dialect.print("next")).status == "ok"
