"""A running kernel and a client that sorts what it receives by parent request.

``KernelSession`` starts a kernel through jupyter_client's ``KernelManager`` (exactly as a
notebook server would), connects a ``BlockingKernelClient`` and keeps every message it reads:
shell and control replies by parent msg_id, IOPub messages both in arrival order and by parent.
Waiting is always "until this condition holds or the deadline passes", never a fixed sleep.
"""

from __future__ import annotations

import itertools
import os
import queue
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from jupyter_client.manager import KernelManager

from .target import Target

# Sessions started in this process, newest last; the failure hook prints their log tails.
RECENT_SESSIONS: list["KernelSession"] = []
_counter = itertools.count(1)


class Timeout(AssertionError):
    """A condition did not hold before its deadline (an assertion failure for pytest)."""


@dataclass
class Received:
    channel: str
    msg: dict
    at: float  # time.monotonic() when read

    @property
    def msg_type(self) -> str:
        return self.msg["header"]["msg_type"]

    @property
    def parent_id(self) -> str | None:
        return (self.msg.get("parent_header") or {}).get("msg_id")


@dataclass
class Execution:
    """One execute_request: its reply and the IOPub messages parented to it, busy to idle."""

    msg_id: str
    code: str
    reply: dict
    iopub: list[dict]
    sent_at: float
    reply_at: float
    idle_at: float

    @property
    def content(self) -> dict:
        return self.reply["content"]

    @property
    def status(self) -> str:
        return self.content["status"]

    @property
    def execution_count(self) -> Any:
        return self.content.get("execution_count")

    @property
    def types(self) -> list[str]:
        return [m["header"]["msg_type"] for m in self.iopub]

    @property
    def outputs(self) -> list[dict]:
        return [m for m in self.iopub if m["header"]["msg_type"] not in ("status", "execute_input")]

    def of_type(self, msg_type: str) -> list[dict]:
        return [m for m in self.iopub if m["header"]["msg_type"] == msg_type]

    def stream_text(self, name: str = "stdout") -> str:
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == name)

    @property
    def stdout(self) -> str:
        return self.stream_text("stdout")

    @property
    def stderr(self) -> str:
        return self.stream_text("stderr")

    @property
    def results(self) -> list[dict]:
        return self.of_type("execute_result")

    @property
    def result_text(self) -> str | None:
        results = self.results
        return results[-1]["content"]["data"].get("text/plain") if results else None

    @property
    def errors(self) -> list[dict]:
        return self.of_type("error")

    def describe(self) -> str:
        lines = [f"execute {self.code!r} -> {self.content}"]
        lines += [f"  iopub {m['header']['msg_type']}: {m['content']}" for m in self.iopub]
        return "\n".join(lines)


def deadline_after(seconds: float) -> float:
    return time.monotonic() + seconds


def remaining(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


class KernelSession:
    """A kernel process plus a client. Use as a context manager or call start()/stop()."""

    def __init__(self, target: Target, log_root: Path | None = None, name: str = "kernel") -> None:
        self.target = target
        self.dialect = target.dialect
        root = Path(log_root or os.environ.get("KINDLING_LOG_DIR") or "/tmp")
        self.log_dir = root / f"{name}-{next(_counter)}"
        self.km: KernelManager | None = None
        self.kc = None
        self.iopub_log: list[Received] = []
        self._iopub_by_parent: dict[str, list[Received]] = defaultdict(list)
        self._replies: dict[str, dict[str, Received]] = {"shell": {}, "control": {}}
        self._stdin: list[Received] = []
        self._stderr_file = None

    # ----------------------------------------------------------------- lifecycle

    def __enter__(self) -> "KernelSession":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self, ready_timeout: float = 60.0, run_prelude: bool = True) -> "KernelSession":
        self.target.check_available()
        self.log_dir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env["KINDLING_LOG_DIR"] = str(self.log_dir)
        self._stderr_file = open(self.log_dir / "kernel-stdio.txt", "ab")
        self.km = KernelManager(kernel_name=self.target.kernel_name)
        self.km.start_kernel(env=env, stdout=self._stderr_file, stderr=self._stderr_file)
        RECENT_SESSIONS.append(self)
        del RECENT_SESSIONS[:-8]
        self.connect(ready_timeout)
        if run_prelude and self.dialect.prelude:
            ex = self.execute(self.dialect.prelude, silent=True, store_history=False)
            assert ex.status == "ok", f"prelude failed: {ex.content}"
        return self

    def connect(self, ready_timeout: float = 60.0) -> None:
        """(Re)connect a fresh client and wait until the kernel answers kernel_info."""
        if self.kc is not None:
            self.kc.stop_channels()
        # A new client of the same KernelManager reuses its session id and restarts the msg_id
        # counter, so replies to it must not be matched against the old client's requests.
        self._reset()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=ready_timeout)
        self.forget()

    def stop(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None and self.km.has_kernel:
            try:
                self.km.shutdown_kernel(now=False)
            except Exception:  # noqa: BLE001 - best effort; the process is killed below
                pass
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=True)
        if self._stderr_file is not None:
            self._stderr_file.close()
            self._stderr_file = None

    @property
    def process(self):
        """The kernel's Popen (None if not running under a local provisioner)."""
        provisioner = self.km.provisioner if self.km else None
        return getattr(provisioner, "process", None)

    @property
    def connection_info(self) -> dict:
        return self.km.get_connection_info(session=False)

    def is_alive(self) -> bool:
        return bool(self.km and self.km.is_alive())

    # ----------------------------------------------------------------- logs

    def log_tail(self, lines: int = 60) -> str:
        parts = []
        if self.log_dir.is_dir():
            for path in sorted(self.log_dir.rglob("*")):
                if path.is_file():
                    text = path.read_text(errors="replace").splitlines()
                    parts.append(f"--- {path} (last {lines} lines)")
                    parts.extend(text[-lines:])
        return "\n".join(parts) or f"(no kernel log files in {self.log_dir})"

    # ----------------------------------------------------------------- sending

    def message(self, msg_type: str, content: dict | None = None, header: dict | None = None) -> dict:
        msg = self.kc.session.msg(msg_type, content or {})
        if header:
            msg["header"].update(header)
        return msg

    def send(
        self,
        msg_type: str,
        content: dict | None = None,
        channel: str = "shell",
        header: dict | None = None,
        buffers: list[bytes] | None = None,
    ) -> str:
        msg = self.message(msg_type, content, header)
        socket = {
            "shell": self.kc.shell_channel,
            "control": self.kc.control_channel,
            "stdin": self.kc.stdin_channel,
        }[channel].socket
        self.kc.session.send(socket, msg, buffers=buffers)
        return msg["header"]["msg_id"]

    def send_execute(self, code: str, **options: Any) -> str:
        content = {
            "code": code,
            "silent": False,
            "store_history": True,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        }
        content.update(options)
        return self.send("execute_request", content)

    # ----------------------------------------------------------------- receiving

    def _read(self, channel: str, timeout: float) -> Received | None:
        getter = {
            "iopub": self.kc.get_iopub_msg,
            "shell": self.kc.get_shell_msg,
            "control": self.kc.get_control_msg,
            "stdin": self.kc.get_stdin_msg,
        }[channel]
        try:
            msg = getter(timeout=timeout)
        except queue.Empty:
            return None
        received = Received(channel, msg, time.monotonic())
        if channel == "iopub":
            self.iopub_log.append(received)
            self._iopub_by_parent[received.parent_id or ""].append(received)
        elif channel == "stdin":
            self._stdin.append(received)
        else:
            if received.parent_id in self._replies[channel]:
                raise AssertionError(f"second {channel} reply to {received.parent_id}: {msg}")
            self._replies[channel][received.parent_id or ""] = received
        return received

    def wait_for(
        self, channel: str, condition: Callable[[], Any], timeout: float, what: str
    ) -> Any:
        """Read ``channel`` until ``condition()`` is truthy; return its value or fail."""
        deadline = deadline_after(timeout)
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() >= deadline:
                raise Timeout(f"no {what} within {timeout} s")
            self._read(channel, min(0.2, remaining(deadline)) or 0.01)

    def reply(self, msg_id: str, channel: str = "shell", timeout: float = 15.0) -> dict:
        got = self.wait_for(
            channel, lambda: self._replies[channel].get(msg_id), timeout, f"{channel} reply to {msg_id}"
        )
        return got.msg

    def reply_received(self, msg_id: str, channel: str = "shell") -> Received | None:
        return self._replies[channel].get(msg_id)

    def iopub_for(self, msg_id: str) -> list[dict]:
        return [r.msg for r in self._iopub_by_parent.get(msg_id, [])]

    def _idle(self, msg_id: str) -> Received | None:
        for r in self._iopub_by_parent.get(msg_id, []):
            if r.msg_type == "status" and r.msg["content"]["execution_state"] == "idle":
                return r
        return None

    def until_idle(self, msg_id: str, timeout: float = 15.0) -> list[dict]:
        """IOPub messages parented to msg_id, up to and including its idle status."""
        self.wait_for("iopub", lambda: self._idle(msg_id), timeout, f"idle for {msg_id}")
        return self.iopub_for(msg_id)

    def idle_time(self, msg_id: str) -> float | None:
        r = self._idle(msg_id)
        return r.at if r else None

    def wait_iopub(self, predicate: Callable[[dict], bool], timeout: float, what: str) -> dict:
        """The first IOPub message (already read or arriving) that matches predicate."""
        def find():
            return next((r.msg for r in self.iopub_log if predicate(r.msg)), None)

        return self.wait_for("iopub", find, timeout, what)

    def collect_iopub(self, seconds: float) -> None:
        """Read IOPub for a while (for asserting that something does NOT arrive)."""
        deadline = deadline_after(seconds)
        while time.monotonic() < deadline:
            self._read("iopub", min(0.1, remaining(deadline)) or 0.01)

    def stdin_request(self, timeout: float = 10.0) -> dict:
        start = len(self._stdin)
        got = self.wait_for(
            "stdin", lambda: self._stdin[start] if len(self._stdin) > start else None, timeout, "stdin message"
        )
        return got.msg

    def forget(self) -> None:
        """Drop everything read so far and drain what is queued (between tests)."""
        for channel in ("iopub", "shell", "control", "stdin"):
            while self._read(channel, 0.0 if channel != "iopub" else 0.05):
                pass
        self._reset()

    def _reset(self) -> None:
        self.iopub_log.clear()
        self._iopub_by_parent.clear()
        self._replies = {"shell": {}, "control": {}}
        self._stdin.clear()

    # ----------------------------------------------------------------- requests

    def execute(self, code: str, timeout: float = 30.0, **options: Any) -> Execution:
        """Run one cell: returns its reply and its IOPub messages through idle."""
        sent_at = time.monotonic()
        msg_id = self.send_execute(code, **options)
        reply = self.reply(msg_id, "shell", timeout)
        reply_at = self._replies["shell"][msg_id].at
        iopub = self.until_idle(msg_id, timeout)
        return Execution(msg_id, code, reply, iopub, sent_at, reply_at, self.idle_time(msg_id))

    def finish(self, msg_id: str, code: str = "", timeout: float = 30.0) -> Execution:
        """The Execution for an execute_request already sent with send_execute."""
        reply = self.reply(msg_id, "shell", timeout)
        iopub = self.until_idle(msg_id, timeout)
        return Execution(
            msg_id, code, reply, iopub, 0.0, self._replies["shell"][msg_id].at, self.idle_time(msg_id)
        )

    def request(self, msg_type: str, content: dict | None = None, channel: str = "shell", timeout: float = 15.0) -> dict:
        msg_id = self.send(msg_type, content, channel)
        return self.reply(msg_id, channel, timeout)

    def interrupt(self, timeout: float = 10.0) -> dict:
        """interrupt_request on control (what interrupt_mode "message" clients send)."""
        return self.request("interrupt_request", {}, "control", timeout)


def statuses(messages: Iterable[dict]) -> list[str]:
    return [m["content"]["execution_state"] for m in messages if m["header"]["msg_type"] == "status"]


def wait_until(condition: Callable[[], Any], timeout: float, what: str, interval: float = 0.02) -> Any:
    """Poll a condition that no socket can signal (a process exiting, a port being freed)."""
    deadline = deadline_after(timeout)
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise Timeout(f"{what} did not happen within {timeout} s")
        time.sleep(interval)
