"""The kernel's log: log4j starts only after the kernel's first reply (docs/performance.md, "Logging
after the first reply"), and nothing logged before that is lost, whether the kernel runs on, is
stopped by a signal, or cannot start at all."""

from __future__ import annotations

import signal
import time
from datetime import datetime
from pathlib import Path

import pytest
import zmq

from harness.jupyter_env import KINDLING_KERNEL_NAME
from harness.kernel import wait_until
from harness.launch import launch, new_connection_file
from harness.wire import WireClient


def _kernel_log(log_dir: Path) -> str:
    logs = sorted(log_dir.glob("kernel-*.log"))
    return "".join(log.read_text() for log in logs)


def _first_reply(info: dict, timeout: float = 60) -> float:
    """Waits for the kernel's first reply; returns the wall-clock time it arrived."""
    client = WireClient(info)
    try:
        msg_id = client.send("shell", "kernel_info_request", {})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = client.recv("shell", 0.5)
            if got is not None and got.parent_id == msg_id:
                return time.time()
        raise AssertionError("kernel never answered kernel_info")
    finally:
        client.close()


@pytest.fixture
def started(tmp_path):
    """A test kernel launched from its kernelspec, answered once; killed at the end."""
    connection_file, info = new_connection_file(tmp_path / "conn")
    logs = tmp_path / "logs"
    process = launch(KINDLING_KERNEL_NAME, connection_file, logs)
    try:
        replied_at = _first_reply(info)
        yield process, logs, replied_at
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def test_start_up_messages_reach_the_log_with_the_threads_that_logged_them(started):
    process, logs, _ = started
    wait_until(lambda: "Kernel ready" in _kernel_log(logs), 30, "the kernel's start-up messages in its log")
    log = _kernel_log(logs)
    assert "INFO  [main] dev.kindling.kernel.KernelServer - Kernel ready on 127.0.0.1" in log, log
    assert "INFO  [kindling-plugins] dev.kindling.kernel.plugin.PluginStarter - Plugins in" in log, log
    # Each start-up message once, and no SLF4J report about stand-in loggers on stderr.
    assert log.count("Kernel ready on") == 1, log
    stdio = (logs / "kernel-stdio.txt").read_text()
    assert "SLF4J" not in stdio, stdio


def test_start_up_messages_carry_the_time_they_were_logged(started):
    # "Kernel ready" is logged before the first reply, and written to the file only after it,
    # when log4j has started (a few hundred milliseconds later): the line must show the former.
    process, logs, replied_at = started
    wait_until(lambda: "Kernel ready" in _kernel_log(logs), 30, "the kernel's start-up messages in its log")
    line = next(line for line in _kernel_log(logs).splitlines() if "Kernel ready on" in line)
    logged_at = datetime.strptime(line[: len("2026-01-01T00:00:00,000")], "%Y-%m-%dT%H:%M:%S,%f").timestamp()
    assert logged_at <= replied_at, (line, datetime.fromtimestamp(replied_at).isoformat())


def test_a_kernel_stopped_right_after_its_first_reply_still_writes_its_log(started):
    process, logs, _ = started
    process.send_signal(signal.SIGTERM)
    process.wait(30)
    assert "Kernel ready on 127.0.0.1" in _kernel_log(logs), _kernel_log(logs)


def test_a_kernel_that_cannot_bind_its_ports_logs_why_and_exits(tmp_path):
    connection_file, info = new_connection_file(tmp_path / "conn")
    logs = tmp_path / "logs"
    context = zmq.Context()
    taken = context.socket(zmq.ROUTER)
    taken.setsockopt(zmq.LINGER, 0)
    taken.bind(f"tcp://127.0.0.1:{info['shell_port']}")
    try:
        process = launch(KINDLING_KERNEL_NAME, connection_file, logs)
        try:
            code = process.wait(60)
        finally:
            if process.poll() is None:
                process.kill()
    finally:
        taken.close(0)
        context.term()
    assert code != 0
    log = _kernel_log(logs)
    assert "ERROR [main] dev.kindling.kernel.KernelLauncher - Kernel failed to start" in log, log
    # The stderr appender shows errors, so the front end's terminal says why too.
    stdio = (logs / "kernel-stdio.txt").read_text()
    assert "Kernel failed to start" in stdio, stdio
