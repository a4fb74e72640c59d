"""history_request: tail, range and search, with n, unique and output."""

from __future__ import annotations

import uuid

import pytest


@pytest.fixture
def recorded(kernel, dialect):
    """Three stored cells (two identical) and one unstored, all carrying a unique token."""
    token = uuid.uuid4().hex[:8]
    d = dialect
    codes = [d.print(f"hist-{token}-a"), d.value(f"hist-{token}-b"), d.print(f"hist-{token}-a")]
    for code in codes:
        assert kernel.execute(code).status == "ok"
    assert kernel.execute(d.print(f"hist-{token}-unstored"), store_history=False).status == "ok"
    return token, codes


def history(kernel, **request):
    content = {"output": False, "raw": True}
    content.update(request)
    reply = kernel.request("history_request", content)
    assert reply["content"]["status"] == "ok", reply["content"]
    return reply["content"]["history"]


def test_tail(kernel, recorded):
    token, codes = recorded
    entries = history(kernel, hist_access_type="tail", n=3)
    assert [e[2] for e in entries] == codes
    sessions = {e[0] for e in entries}
    assert len(sessions) == 1 and isinstance(entries[0][0], int)
    lines = [e[1] for e in entries]
    assert lines == list(range(lines[0], lines[0] + 3)), "line numbers are consecutive counts"
    assert history(kernel, hist_access_type="tail", n=1) == [entries[-1]]


def test_tail_with_output(kernel, target, recorded):
    token, codes = recorded
    entries = history(kernel, hist_access_type="tail", n=3, output=True)
    assert [len(e) for e in entries] == [3, 3, 3]
    assert [e[2][0] for e in entries] == codes
    assert all(len(e[2]) == 2 and (e[2][1] is None or isinstance(e[2][1], str)) for e in entries)
    if target.is_kindling:
        # (IPython records outputs only with HistoryManager.db_log_output, off by default.)
        assert entries[1][2][1] == f"hist-{token}-b", "the output of a cell with a result"


def test_range(kernel, recorded):
    token, codes = recorded
    tail = history(kernel, hist_access_type="tail", n=3)
    session, start = tail[0][0], tail[0][1]
    # stop is exclusive
    entries = history(kernel, hist_access_type="range", session=session, start=start, stop=start + 2)
    assert [e[1:] for e in entries] == [e[1:] for e in tail[:2]]
    assert all(isinstance(e[0], int) for e in entries)
    # session 0 means the current session
    current = history(kernel, hist_access_type="range", session=0, start=start, stop=start + 3)
    assert [e[1:] for e in current] == [e[1:] for e in tail]


def test_search(kernel, recorded):
    token, codes = recorded
    found = history(kernel, hist_access_type="search", pattern=f"*hist-{token}*")
    assert [e[2] for e in found] == codes, "stored cells only, oldest first"
    unique = history(kernel, hist_access_type="search", pattern=f"*hist-{token}*", unique=True)
    assert sorted(e[2] for e in unique) == sorted(set(codes))
    last = history(kernel, hist_access_type="search", pattern=f"*hist-{token}*", n=1)
    assert [e[2] for e in last] == codes[-1:]
    # The pattern is anchored: without leading * nothing in the middle matches.
    assert history(kernel, hist_access_type="search", pattern=f"hist-{token}*") == []
    assert history(kernel, hist_access_type="search", pattern=f"*hist-{token}-?*", n=10)
