"""Kindling behind Jupyter Kernel Gateway on 127.0.0.1: create a kernel over REST, execute over
the websocket channel (streamed output, then the reply), interrupt, restart, delete."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import websocket

from harness.jupyter_env import KINDLING_KERNEL_NAME

pytestmark = pytest.mark.kindling_only

JUPYTER = Path(sys.executable).parent / "jupyter"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gateway:
    def __init__(self, base: str) -> None:
        self.base = base

    def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | list | None]:
        data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                text = response.read().decode()
                return response.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            return e.code, None


@pytest.fixture(scope="module")
def gateway(tmp_path_factory):
    logs = tmp_path_factory.mktemp("gateway")
    port = free_port()
    out = open(logs / "gateway.txt", "wb")
    process = subprocess.Popen(
        [str(JUPYTER), "kernelgateway", "--KernelGatewayApp.ip=127.0.0.1",
         f"--KernelGatewayApp.port={port}", "--KernelGatewayApp.port_retries=0",
         "--JupyterWebsocketPersonality.list_kernels=True"],
        stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "KINDLING_LOG_DIR": str(logs)},
    )
    gw = Gateway(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, (logs / "gateway.txt").read_text()
        try:
            if gw.call("GET", "/api")[0] == 200:
                break
        except OSError:
            pass
        assert time.monotonic() < deadline, "the gateway did not answer in 60 s"
        time.sleep(0.1)  # polling interval of a readiness check with a deadline, not a synchronisation
    yield gw
    process.terminate()
    process.wait(timeout=30)
    out.close()


class Channels:
    """The kernel's websocket: sends requests, collects what comes back by parent msg_id."""

    def __init__(self, url: str) -> None:
        self.ws = websocket.create_connection(url, timeout=60)
        self.session = uuid.uuid4().hex

    def send(self, msg_type: str, content: dict, channel: str = "shell") -> str:
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "session": self.session,
                       "username": "test", "version": "5.4", "date": ""},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
        }))
        return msg_id

    def until(self, predicate, timeout: float, what: str) -> list[dict]:
        """Messages received until one satisfies predicate (included); fails after timeout."""
        seen = []
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no {what} within {timeout} s; got {[m['msg_type'] for m in seen]}"
            self.ws.settimeout(remaining)
            message = json.loads(self.ws.recv())
            seen.append(message)
            if predicate(message):
                return seen

    def execute(self, code: str, timeout: float = 60) -> tuple[list[dict], dict]:
        msg_id = self.send("execute_request", {"code": code, "silent": False, "store_history": True,
                                               "user_expressions": {}, "allow_stdin": False})
        mine = lambda m: m["parent_header"].get("msg_id") == msg_id  # noqa: E731
        seen = self.until(lambda m: mine(m) and m["msg_type"] == "status"
                          and m["content"]["execution_state"] == "idle", timeout, "idle")
        replies = [m for m in seen if mine(m) and m["msg_type"] == "execute_reply"]
        if not replies:
            replies = [m for m in self.until(lambda m: mine(m) and m["msg_type"] == "execute_reply",
                                             timeout, "execute_reply") if m["msg_type"] == "execute_reply"]
        return [m for m in seen if mine(m) and m["channel"] == "iopub"], replies[0]

    def close(self) -> None:
        self.ws.close()


def stdout_of(iopub: list[dict]) -> str:
    return "".join(m["content"]["text"] for m in iopub
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def test_kernel_lifecycle_over_rest_and_websocket(gateway):
    status, kernel = gateway.call("POST", "/api/kernels", {"name": KINDLING_KERNEL_NAME})
    assert status == 201, status
    kernel_id = kernel["id"]
    ws_url = gateway.base.replace("http", "ws") + f"/api/kernels/{kernel_id}/channels"
    channels = Channels(ws_url)
    try:
        # Execute: streamed output, then the reply.
        iopub, reply = channels.execute("print over the websocket\nvalue 42")
        assert reply["content"]["status"] == "ok"
        assert stdout_of(iopub) == "over the websocket\n"
        results = [m for m in iopub if m["msg_type"] == "execute_result"]
        assert results and results[0]["content"]["data"]["text/plain"] == "42"

        # Interrupt a running cell through REST: the kernelspec's message mode reaches the kernel.
        msg_id = channels.send("execute_request", {"code": "sleep 60000", "silent": False})
        channels.until(lambda m: m["parent_header"].get("msg_id") == msg_id
                       and m["msg_type"] == "status" and m["content"]["execution_state"] == "busy",
                       30, "busy")
        started = time.monotonic()
        assert gateway.call("POST", f"/api/kernels/{kernel_id}/interrupt")[0] == 204
        seen = channels.until(lambda m: m["parent_header"].get("msg_id") == msg_id
                              and m["msg_type"] == "execute_reply", 30, "the interrupted cell's reply")
        assert seen[-1]["content"]["status"] == "error"
        assert time.monotonic() - started < 30

        # Restart: the kernel comes back and runs cells again.
        assert gateway.call("POST", f"/api/kernels/{kernel_id}/restart")[0] == 200
        channels.close()
        channels = Channels(ws_url)
        deadline = time.monotonic() + 60
        while True:  # the restarted kernel answers once its channels are up
            iopub, reply = channels.execute("print after restart", timeout=60)
            if reply["content"]["status"] == "ok":
                break
            assert time.monotonic() < deadline
        assert stdout_of(iopub) == "after restart\n"
    finally:
        channels.close()

    # Delete: the kernel is gone from the list.
    assert gateway.call("DELETE", f"/api/kernels/{kernel_id}")[0] == 204
    status, kernels = gateway.call("GET", "/api/kernels")
    assert status == 200 and kernel_id not in [k["id"] for k in kernels]
    assert gateway.call("GET", f"/api/kernels/{kernel_id}")[0] == 404
