"""complete, inspect and is_complete, with cursor positions in Unicode code points."""

from __future__ import annotations

import pytest


@pytest.fixture
def cases(dialect):
    return dialect.completion_cases


@pytest.mark.parametrize("index", [0, 1, 2], ids=["plain", "emoji-before-cursor", "cursor-mid-cell"])
def test_complete_counts_code_points(kernel, dialect, index):
    case = dialect.completion_cases[index]
    reply = kernel.request("complete_request", {"code": case.code, "cursor_pos": case.cursor_pos})
    c = reply["content"]
    assert c["status"] == "ok"
    assert case.expected_match in c["matches"], c
    assert (c["cursor_start"], c["cursor_end"]) == (case.cursor_start, case.cursor_end), c
    assert isinstance(c["metadata"], dict)


def test_complete_with_no_matches(kernel):
    reply = kernel.request("complete_request", {"code": "zzqx_nothing_like_this", "cursor_pos": 22})
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["matches"] == []


@pytest.mark.kindling_only
def test_complete_lists_every_command_with_the_prefix(kernel):
    reply = kernel.request("complete_request", {"code": "cl", "cursor_pos": 2})
    assert sorted(reply["content"]["matches"]) == ["clear", "clear-wait"]


def test_inspect_a_known_word(kernel, dialect):
    word = dialect.inspect_word
    reply = kernel.request("inspect_request", {"code": word, "cursor_pos": len(word), "detail_level": 0})
    c = reply["content"]
    assert c["status"] == "ok" and c["found"] is True
    assert isinstance(c["data"]["text/plain"], str) and c["data"]["text/plain"].strip()
    assert isinstance(c["metadata"], dict)


def test_inspect_after_non_bmp_characters(kernel, dialect):
    case = dialect.completion_cases[1]  # a line with emoji, then a line with a known word
    head = case.code[: case.cursor_start]
    code = head + dialect.inspect_word
    for cursor in (len(code), len(head) + 2):  # at the end, and inside the word
        reply = kernel.request("inspect_request", {"code": code, "cursor_pos": cursor, "detail_level": 0})
        assert reply["content"]["found"] is True, (cursor, reply["content"])


def test_inspect_an_unknown_word(kernel):
    code = "zzqx_nothing_like_this"
    reply = kernel.request("inspect_request", {"code": code, "cursor_pos": len(code), "detail_level": 0})
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["found"] is False
    assert isinstance(reply["content"]["data"], dict)


def test_is_complete(kernel, dialect):
    def status_of(code):
        reply = kernel.request("is_complete_request", {"code": code})
        return reply["content"]

    for code in dialect.complete_samples:
        assert status_of(code)["status"] == "complete", code
    for code in dialect.incomplete_samples:
        content = status_of(code)
        assert content["status"] == "incomplete", code
        assert isinstance(content.get("indent", ""), str)
    for code in dialect.invalid_samples:
        assert status_of(code)["status"] == "invalid", code
