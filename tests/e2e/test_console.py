"""jupyter console in a real terminal (pexpect): run code, see its output, interrupt a running cell
with Ctrl-C (the console sends interrupt_request: the kernelspec's interrupt_mode is message) and
keep going."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pytest

from harness.jupyter_env import KINDLING_KERNEL_NAME

pytestmark = pytest.mark.kindling_only

JUPYTER = Path(sys.executable).parent / "jupyter"
PROMPT = r"In \[(\d+)\]: "


@pytest.fixture
def console(tmp_path):
    env = {**os.environ, "KINDLING_LOG_DIR": str(tmp_path), "TERM": "dumb"}
    child = pexpect.spawn(
        str(JUPYTER),
        ["console", "--kernel", KINDLING_KERNEL_NAME, "--simple-prompt",
         "--ZMQTerminalInteractiveShell.confirm_exit=False"],
        env=env, encoding="utf-8", timeout=60, dimensions=(40, 200),
    )
    child.logfile_read = open(tmp_path / "console.txt", "w")  # kept for a failing test's report
    try:
        child.expect(PROMPT, timeout=90)
        yield child
    finally:
        if child.isalive():
            child.sendline("exit")
            child.expect(pexpect.EOF, timeout=30)
        child.close(force=True)


def test_console_runs_code_and_shows_its_output(console):
    console.sendline("print hello from the console")
    console.expect(r"\r\nhello from the console\r\n")
    console.expect(PROMPT)

    console.sendline("value 6x7")
    console.expect(r"Out\[\d+\]: 6x7")
    console.expect(PROMPT)


def test_ctrl_c_interrupts_a_running_cell_and_the_next_input_runs(console):
    console.sendline("sleep 60000")
    started = time.monotonic()
    # Ctrl-C until the cell reports the interrupt: one sent before the console has submitted the
    # cell only clears the input line, so keep sending (a condition with a deadline, not a sleep).
    deadline = started + 30
    while True:
        console.sendintr()
        index = console.expect([r"Interrupted", pexpect.TIMEOUT], timeout=1)
        if index == 0:
            break
        assert time.monotonic() < deadline, "the cell was never interrupted"
    console.expect(PROMPT)
    assert time.monotonic() - started < 30  # long before the 60 s sleep would end

    console.sendline("print still here")
    console.expect(r"\r\nstill here\r\n")
    console.expect(PROMPT)
