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
from jupyter_client import BlockingKernelClient

from harness.jupyter_env import KINDLING_KERNEL_NAME

pytestmark = pytest.mark.kindling_only

JUPYTER = Path(sys.executable).parent / "jupyter"
PROMPT = r"In \[(\d+)\]: "


@pytest.fixture
def console(tmp_path):
    env = {**os.environ, "KINDLING_LOG_DIR": str(tmp_path), "TERM": "dumb",
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}  # the console's connection file only
    child = pexpect.spawn(
        str(JUPYTER),
        ["console", "--kernel", KINDLING_KERNEL_NAME, "--simple-prompt",
         "--no-confirm-exit"],
        env=env, encoding="utf-8", timeout=60, dimensions=(40, 200),
    )
    child.logfile_read = open(tmp_path / "console.txt", "w")  # kept for a failing test's report
    try:
        child.expect(PROMPT, timeout=90)
        yield child
    finally:
        if child.isalive():
            child.sendeof()  # Ctrl-D leaves the console ("exit" would be a cell for this kernel)
            child.expect(pexpect.EOF, timeout=30)
        child.close(force=True)


def test_console_runs_code_and_shows_its_output(console):
    console.sendline("print hello from the console")
    console.expect(r"\r\nhello from the console\r\n")
    console.expect(PROMPT)

    console.sendline("value 6x7")
    console.expect(r"Out\[\d+\]: 6x7")
    console.expect(PROMPT)


def observer(runtime_dir: Path) -> BlockingKernelClient:
    """A second client on the console's kernel, subscribed to IOPub, to see when a cell runs."""
    (connection_file,) = runtime_dir.glob("kernel-*.json")
    client = BlockingKernelClient(connection_file=str(connection_file))
    client.load_connection_file()
    client.start_channels(shell=False, stdin=False, hb=False, control=False)
    wait_for_iopub(client, lambda m: m["msg_type"] == "iopub_welcome", "iopub_welcome")
    return client


def wait_for_iopub(client, predicate, what: str, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"no {what} on IOPub within {timeout} s"
        try:
            message = client.get_iopub_msg(timeout=remaining)
        except Exception:  # noqa: BLE001 - queue.Empty: the deadline has passed
            continue
        if predicate(message):
            return message


def test_ctrl_c_interrupts_a_running_cell_and_the_next_input_runs(console, tmp_path):
    watcher = observer(tmp_path / "runtime")
    try:
        console.sendline("sleep 60000")
        # Ctrl-C only once the kernel runs the cell: before that it would just clear the input line.
        wait_for_iopub(watcher, lambda m: m["msg_type"] == "execute_input"
                       and m["content"]["code"] == "sleep 60000", "execute_input of the sleep")
        started = time.monotonic()
        console.sendintr()
        console.expect(r"Interrupted", timeout=30)
        console.expect(PROMPT, timeout=30)
        assert time.monotonic() - started < 30  # long before the 60 s sleep would end
    finally:
        watcher.stop_channels()

    console.sendline("print still here")
    console.expect(r"\r\nstill here\r\n")
    console.expect(PROMPT)
