"""Magic dispatch in the kernel core, with the test plugin's %echo/%say and %%upper."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.kindling_only


@pytest.mark.parametrize("code", ["%echo hello there", "%say hello there", "%ECHO hello there", "%Say hello there"])
def test_line_magic_with_alias_and_any_case(kernel, code):
    ex = kernel.execute(code)
    assert ex.status == "ok", ex.describe()
    assert ex.result_text == "hello there"


@pytest.mark.parametrize("name", ["upper", "UPPER"])
def test_cell_magic(kernel, name):
    ex = kernel.execute(f"%%{name}\nhello wörld\nsecond line")
    assert ex.status == "ok", ex.describe()
    assert ex.result_text == "HELLO WÖRLD\nSECOND LINE"


def test_magic_usage_error_fails_the_cell_with_a_short_message(kernel):
    ex = kernel.execute("%echo")
    assert ex.status == "error", ex.describe()
    [err] = ex.errors
    text = err["content"]["evalue"] + "\n" + "\n".join(err["content"]["traceback"])
    assert "usage" in text.lower() and "echo" in text.lower(), text
    assert len(err["content"]["evalue"]) < 300
    assert len(err["content"]["traceback"]) < 15, "a usage error needs no kernel stack trace"
    assert "dev.kindling" not in text, "the message points at the user's code, not kernel internals"
    assert kernel.execute("print next").status == "ok"


def test_magic_error_aborts_queued_cells_like_any_error(kernel):
    # The running cell keeps the kernel busy while the client queues the next two, so both are
    # queued before the magic fails, however slowly this machine sends them.
    running = kernel.send_execute("sleep 400")
    failing = kernel.send_execute("%echo")
    queued = kernel.send_execute("print never")
    assert kernel.finish(running).status == "ok"
    assert kernel.finish(failing).status == "error"
    assert kernel.finish(queued).status == "aborted"


def test_unclaimed_magic_goes_to_the_interpreter_untouched(kernel):
    ex = kernel.execute("%foo bar")
    assert ex.status == "error"
    assert "unknown command: %foo" in ex.errors[0]["content"]["evalue"]


def test_lsmagic_lists_the_plugin_magics(kernel):
    ex = kernel.execute("lsmagic")
    assert ex.status == "ok"
    assert "echo" in ex.stdout and "upper" in ex.stdout
