"""Shutdown, restart, heartbeat, and exit when the parent process dies."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import zmq

from harness.kernel import wait_until
from harness.launch import kernel_argv, kernel_env, new_connection_file
from harness.wire import WireClient

PORTS = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")


def bind_all(info: dict) -> None:
    """Bind every port of the connection file, as a restarted kernel would."""
    context = zmq.Context()
    sockets = []
    try:
        for name in PORTS:
            s = context.socket(zmq.ROUTER)
            s.setsockopt(zmq.LINGER, 0)
            try:
                s.bind(f"tcp://{info['ip']}:{info[name]}")
            except zmq.ZMQError as e:
                raise AssertionError(f"{name} {info[name]} still in use after exit: {e}") from e
            sockets.append(s)
    finally:
        for s in sockets:
            s.close(0)
        context.term()


@pytest.mark.fresh_kernel
@pytest.mark.parametrize("restart", [False, True])
def test_shutdown_request(new_kernel, restart):
    kernel = new_kernel()
    info = kernel.connection_info
    process = kernel.process
    msg_id = kernel.send("shutdown_request", {"restart": restart}, "control")
    reply = kernel.reply(msg_id, "control", 5)
    replied = time.monotonic()
    assert reply["header"]["msg_type"] == "shutdown_reply"
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["restart"] is restart
    broadcast = kernel.wait_iopub(lambda m: m["header"]["msg_type"] == "shutdown_reply", 5, "shutdown_reply on iopub")
    assert broadcast["content"]["restart"] is restart
    assert broadcast["header"]["msg_id"] != reply["header"]["msg_id"]
    process.wait(timeout=10)
    exited_after = time.monotonic() - replied
    assert exited_after < 2.0, f"kernel took {exited_after:.2f} s to exit"
    kernel.kc.stop_channels()
    bind_all(info)


@pytest.mark.fresh_kernel
def test_restart_gives_a_new_kernel_session(new_kernel, dialect):
    kernel = new_kernel()
    before = kernel.request("kernel_info_request")["header"]["session"]
    kernel.execute(dialect.print("x"))
    old_pid = kernel.process.pid
    kernel.km.restart_kernel(now=False)  # same ports: the old process must have released them
    assert kernel.process.pid != old_pid
    kernel.connect(ready_timeout=60)
    after = kernel.request("kernel_info_request")["header"]["session"]
    assert after != before, "a restarted kernel must use a new session id"
    if dialect.prelude:
        kernel.execute(dialect.prelude, silent=True, store_history=False)
    ex = kernel.execute(dialect.print("after restart"))
    assert ex.status == "ok" and ex.stdout == "after restart\n"
    assert ex.execution_count == 1, "execution count starts again after a restart"


def test_heartbeat_echoes(kernel):
    client = WireClient(kernel.connection_info)
    try:
        hb = client.sockets["hb"]
        for payload in (b"ping", os.urandom(32), "ünïcode 😀".encode(), b""):
            hb.send(payload)
            assert hb.poll(2000), "no heartbeat echo within 2 s"
            assert hb.recv() == payload
    finally:
        client.close()
    # jupyter_client's own heartbeat (a ping a second): a ping sent before the kernel had bound
    # its port may have been missed at start-up, so allow one more cycle.
    wait_until(kernel.kc.hb_channel.is_beating, 3, "jupyter_client seeing the heartbeat")


PARENT = r"""
import json, subprocess, sys, os
argv, env = json.loads(sys.argv[1]), json.loads(sys.argv[2])
env["JPY_PARENT_PID"] = str(os.getpid())
log = open(sys.argv[3], "ab")
child = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
print(child.pid, flush=True)
sys.stdin.read()  # live until killed
"""


def process_gone(pid: int) -> bool:
    """True once pid has exited (a zombie no parent reaps counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True
    return state in ("Z", "X")


@pytest.mark.fresh_kernel
def test_kernel_exits_when_its_parent_dies(target, tmp_path):
    connection_file, info = new_connection_file(tmp_path / "conn")
    argv = kernel_argv(target.kernel_name, connection_file)
    env = kernel_env(target.kernel_name, tmp_path / "logs")
    (tmp_path / "logs").mkdir()
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, json.dumps(argv), json.dumps(env), str(tmp_path / "logs" / "stdio.txt")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        start_new_session=True,
    )
    kernel_pid = int(parent.stdout.readline())
    client = WireClient(info)
    try:
        # Make sure the kernel is fully up before its parent goes away.
        msg_id = client.send("shell", "kernel_info_request", {})
        reply = None
        deadline = time.monotonic() + 60
        while reply is None and time.monotonic() < deadline:
            got = client.recv("shell", 0.5)
            reply = got if got is not None and got.parent_id == msg_id else None
        assert reply is not None, "kernel never answered kernel_info"
        parent.send_signal(signal.SIGKILL)
        parent.wait(5)
        killed = time.monotonic()
        wait_until(lambda: process_gone(kernel_pid), 10, "kernel exit after its parent died")
        print(f"kernel exited {time.monotonic() - killed:.2f} s after its parent died")
    finally:
        client.close()
        if not process_gone(kernel_pid):
            os.kill(kernel_pid, signal.SIGKILL)
