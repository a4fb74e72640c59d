"""Fuzz test: more than 10,000 malformed, unsigned, wrongly signed, replayed, unknown-type,
missing-field, wrongly typed and oversized messages on every socket (shell, control, stdin,
iopub through an XSUB, heartbeat).

What must hold: the kernel process never dies; no invalid message is acted on (no reply and no
IOPub message parented to it, and unsigned ``set pwned yes`` cells never ran); replays run once;
validly signed unknown types get busy/idle and no reply; validly signed requests with wrong field
types get a reply; and a valid kernel_info_request is answered promptly during and after.

KINDLING_FUZZ_SEED=N replays a run; KINDLING_FUZZ_SCALE=0.1 makes a quick one (fewer messages).
"""

from __future__ import annotations

import os
import random
import time
from collections import Counter, defaultdict

import pytest
import zmq

from harness.fuzzing import Generators, Shot
from harness.kernel import KernelSession
from harness.wire import DELIMITER, WireSession

PLAN = {
    "random_binary": 2000,
    "malformed_frames": 1000,
    "missing_delimiter": 400,
    "bad_json": 800,
    "non_object_json": 600,
    "unsigned": 900,
    "wrong_signature": 1100,
    "replay_source": 150,
    "replayed": 450,
    "unknown_msg_type": 600,
    "missing_header_fields": 500,
    "wrong_field_types": 600,
    "comm_garbage": 300,
    "stdin_unsolicited": 300,
    "iopub_garbage": 600,
    "heartbeat_garbage": 500,
    "oversized": 10,
}
PROBE_EVERY = 1000
PROMPT = 5.0  # seconds within which a valid request must be answered once the queue is empty


class Barrage:
    """One thread drives every socket: sends shots and drains whatever the kernel sends back."""

    def __init__(self, info: dict) -> None:
        key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
        self.session = WireSession(key, info.get("signature_scheme", "hmac-sha256"))
        self.context = zmq.Context()
        url = lambda ch: f"tcp://{info['ip']}:{info[ch + '_port']}"  # noqa: E731
        identity = self.session.session.encode()
        self.out: dict[str, zmq.Socket] = {}
        for name in ("shell", "control", "stdin"):
            self.out[name] = self._socket(zmq.DEALER, url(name), identity=identity)
        self.out["iopub"] = self._socket(zmq.XSUB, url("iopub"))  # garbage towards the XPUB
        self.out["hb"] = self._socket(zmq.DEALER, url("hb"))
        self.sub = self._socket(zmq.SUB, url("iopub"))
        self.sub.setsockopt(zmq.SUBSCRIBE, b"")
        self.poller = zmq.Poller()
        for s in [*self.out.values(), self.sub]:
            self.poller.register(s, zmq.POLLIN)
        self.iopub: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        self.iopub_messages: dict[str, list] = defaultdict(list)
        self.replies: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
        self.kernel_stdin: list = []
        self.bad_from_kernel: list[str] = []
        self.reply_times: dict[str, float] = {}

    def _socket(self, kind: int, url: str, identity: bytes | None = None) -> zmq.Socket:
        s = self.context.socket(kind)
        s.setsockopt(zmq.LINGER, 0)
        s.setsockopt(zmq.RCVHWM, 0)
        s.setsockopt(zmq.SNDHWM, 2000)
        if identity:
            s.setsockopt(zmq.IDENTITY, identity)
        s.connect(url)
        return s

    def close(self) -> None:
        self.context.destroy(linger=0)

    def _record(self, channel: str, frames: list[bytes]) -> None:
        try:
            msg = self.session.parse(frames)
            header, parent, content = msg.header, msg.parent_header, msg.content
        except Exception as e:  # noqa: BLE001 - anything unparseable from the kernel is a finding
            self.bad_from_kernel.append(f"{channel}: unparseable kernel message ({e}): {frames[:3]!r}")
            return
        if not msg.signature_ok:
            self.bad_from_kernel.append(f"{channel}: bad signature on {header.get('msg_type')}")
        parent_id = parent.get("msg_id") if isinstance(parent, dict) else None
        if channel == "iopub":
            state = content.get("execution_state") if header.get("msg_type") == "status" else None
            self.iopub[parent_id or ""].append((header.get("msg_type"), state))
            self.iopub_messages[parent_id or ""].append(content)
        elif channel == "stdin":
            self.kernel_stdin.append(header.get("msg_type"))
        else:
            self.replies[parent_id or ""].append((channel, header.get("msg_type"), content.get("status")))
            self.reply_times.setdefault(parent_id or "", time.monotonic())

    def drain(self, timeout_ms: int = 0) -> None:
        events = dict(self.poller.poll(timeout_ms))
        while events:
            for sock in events:
                while True:
                    try:
                        frames = sock.recv_multipart(zmq.NOBLOCK)
                    except zmq.Again:
                        break
                    if sock is self.sub:
                        self._record("iopub", frames)
                    elif sock in (self.out["shell"], self.out["control"], self.out["stdin"]):
                        name = next(n for n, s in self.out.items() if s is sock)
                        self._record(name, frames)
                    # XSUB and heartbeat DEALER: echoes and welcomes, nothing to check
            events = dict(self.poller.poll(0))

    def send(self, channel: str, frames: list[bytes], timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.out[channel].send_multipart(frames, zmq.NOBLOCK)
                return
            except zmq.Again:
                if time.monotonic() > deadline:
                    raise AssertionError(f"kernel stopped reading {channel} for {timeout} s")
                self.drain(10)

    def wait(self, condition, timeout: float, what: str) -> float:
        started = time.monotonic()
        deadline = started + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"{what}: nothing within {timeout} s")
            self.drain(20)
        return time.monotonic() - started

    def request(self, channel: str, msg_type: str, content: dict) -> str:
        msg_id, frames = self.session.frames(msg_type, content)
        self.send(channel, frames)
        return msg_id

    def execute(self, code: str) -> str:
        return self.request("shell", "execute_request", {"code": code, "silent": False, "store_history": False,
                                                         "user_expressions": {}, "allow_stdin": False,
                                                         "stop_on_error": False})

    def idle_seen(self, msg_id: str) -> bool:
        return ("status", "idle") in self.iopub.get(msg_id, [])

    def result_text(self, msg_id: str) -> str | None:
        for content in self.iopub_messages.get(msg_id, []):
            data = content.get("data") if isinstance(content, dict) else None
            if isinstance(data, dict) and "execution_count" in content:
                return data.get("text/plain")
        return None

    def subscribe(self, timeout: float) -> None:
        """Ask kernel_info until an IOPub message arrives: from then on the SUB sees everything."""
        deadline = time.monotonic() + timeout
        while not self.iopub:
            assert time.monotonic() < deadline, "no IOPub message: subscription never became live"
            self.request("shell", "kernel_info_request", {})
            self.drain(500)

    def probe(self, timeout: float) -> tuple[float, float]:
        """kernel_info on shell and control; seconds until each is answered."""
        shell = self.request("shell", "kernel_info_request", {})
        control = self.request("control", "kernel_info_request", {})
        sent = time.monotonic()
        self.wait(lambda: shell in self.replies and control in self.replies, timeout, "kernel_info probe")
        return self.reply_times[shell] - sent, self.reply_times[control] - sent


def content_of(shot: Shot) -> bytes:
    return shot.frames[shot.frames.index(DELIMITER) + 5]


def schedule(rng: random.Random, scale: float) -> list[str]:
    names = []
    for name, count in PLAN.items():
        names += [name] * max(1, round(count * scale))
    rng.shuffle(names)
    # Some valid messages first, so that replays have something to replay from the start.
    return ["replay_source"] * 10 + names


@pytest.fixture
def fuzz_kernel(target, tmp_path):
    session = KernelSession(target, tmp_path, name="fuzz")
    session.start()
    # Only the raw sockets below talk to the kernel; a client that stops reading would make it
    # drop IOPub messages for that client, which is not what this test is about.
    session.kc.stop_channels()
    session.kc = None
    yield session
    session.stop()


@pytest.mark.timeout(420)
def test_fuzz_every_socket(fuzz_kernel, target, dialect, capsys):
    seed = int(os.environ.get("KINDLING_FUZZ_SEED") or random.SystemRandom().randrange(2**32))
    scale = float(os.environ.get("KINDLING_FUZZ_SCALE", "1"))
    rng = random.Random(seed)
    with capsys.disabled():
        print(f"\nfuzz: seed {seed} (KINDLING_FUZZ_SEED={seed} replays this run), kernel {target.name}")

    process = fuzz_kernel.process
    barrage = Barrage(fuzz_kernel.connection_info)
    generators = Generators(rng, barrage.session, dialect.set("pwned", "yes"))
    try:
        # The IOPub subscription is live once a probe's busy arrives; then a positive control:
        # a validly signed "set" does change the shared data (so the pwned check means something).
        barrage.subscribe(60)
        check_id = barrage.execute(dialect.set("fuzz_control", "yes"))
        barrage.wait(lambda: barrage.idle_seen(check_id), 30, "control execute")
        get_id = barrage.execute(dialect.get("fuzz_control"))
        barrage.wait(lambda: barrage.idle_seen(get_id), 30, "control get")
        assert barrage.result_text(get_id) == "yes", "a validly signed set/get should work"

        counts: Counter[str] = Counter()
        shots: list[Shot] = []
        probe_latencies = []
        started = time.monotonic()
        for i, name in enumerate(schedule(rng, scale), 1):
            shot = getattr(generators, name)()
            if shot is None:  # nothing to replay yet
                shot = generators.replay_source()
            counts[shot.category] += 1
            shots.append(shot)
            barrage.send(shot.channel, shot.frames)
            barrage.drain(0)
            if i % PROBE_EVERY == 0:
                probe_latencies.append(max(barrage.probe(60)))
                assert process.poll() is None, f"kernel died after {i} messages (exit {process.returncode})"
        sent_seconds = time.monotonic() - started

        # Requests are served in order per channel, executes on the execution queue: once a
        # no-op execute and a kernel_info sent now are answered, what came before has been
        # handled. Stragglers (and late IOPub output) get a few more seconds.
        drain_started = time.monotonic()
        marker = barrage.execute(dialect.noop_comment("drain"))
        barrage.probe(120)
        barrage.wait(lambda: marker in barrage.replies and barrage.idle_seen(marker), 120, "drain marker")
        expected = [s for s in shots if s.expect in ("reply", "busy_idle")]
        try:
            barrage.wait(lambda: all(s.msg_id in barrage.replies if s.expect == "reply" else barrage.idle_seen(s.msg_id)
                                     for s in expected), 10, "replies to every valid request")
        except AssertionError:
            pass  # reported and judged below
        drained_after = time.monotonic() - drain_started
        barrage.drain(500)
        final = barrage.probe(PROMPT)
        pwned_id = barrage.execute(dialect.get("pwned"))
        barrage.wait(lambda: barrage.idle_seen(pwned_id), PROMPT, "final get pwned")
        pwned = barrage.result_text(pwned_id)
        barrage.drain(1000)  # anything late from invalid messages would show up now
        hb = zmq.Context.instance().socket(zmq.REQ)
        hb.setsockopt(zmq.LINGER, 0)
        hb.connect(f"tcp://{fuzz_kernel.connection_info['ip']}:{fuzz_kernel.connection_info['hb_port']}")
        hb.send(b"ping")
        heartbeat_ok = hb.poll(2000) and hb.recv() == b"ping"
        hb.close(0)
        total = sum(counts.values())

        # ---- report
        wrong_types = [s for s in shots if s.category == "wrong_field_types"]
        statuses = Counter(str(barrage.replies[s.msg_id][0][2]) for s in wrong_types if barrage.replies.get(s.msg_id))
        with capsys.disabled():
            print(f"fuzz: {total} messages in {sent_seconds:.1f} s to {target.name}; per category:")
            for name, n in sorted(counts.items()):
                print(f"  {name:24s} {n:6d}")
            print(f"fuzz: probe latencies during the barrage (s): {[round(x, 3) for x in probe_latencies]}")
            print(f"fuzz: final kernel_info shell/control answered in {final[0]:.3f}/{final[1]:.3f} s")
            print(f"fuzz: reply statuses to wrongly typed requests: {dict(statuses)}")

        # ---- what must hold
        assert total >= 10_000 or scale < 1
        assert process.poll() is None, f"kernel died (exit {process.returncode})"
        assert fuzz_kernel.km.is_alive()
        assert heartbeat_ok, "heartbeat stopped echoing"
        assert barrage.bad_from_kernel == [], barrage.bad_from_kernel[:5]
        assert barrage.kernel_stdin == [], "the kernel sent on stdin without an input request"

        acted_on = [
            (s.category, s.msg_id, barrage.iopub.get(s.msg_id), barrage.replies.get(s.msg_id))
            for s in shots if s.expect == "ignore" and (s.msg_id in barrage.iopub or s.msg_id in barrage.replies)
        ]
        assert acted_on == [], f"{len(acted_on)} invalid messages were acted on, e.g. {acted_on[:3]}"
        assert pwned != "yes", "an unsigned or badly signed 'set pwned yes' ran"

        replayed = {s.msg_id for s in shots if s.category == "replayed"}
        ran_twice = [m for m in replayed
                     if barrage.iopub.get(m, []).count(("status", "busy")) != 1 or len(barrage.replies.get(m, [])) != 1]
        assert ran_twice == [], f"{len(ran_twice)} replayed messages were not run exactly once"

        unknown = [s for s in shots if s.category == "unknown_msg_type"]
        for s in unknown:
            assert [t[1] for t in barrage.iopub[s.msg_id] if t[0] == "status"] == ["busy", "idle"], s.msg_id
            assert s.msg_id not in barrage.replies, f"a reply to unknown type: {barrage.replies[s.msg_id]}"

        unanswered = Counter(s.category for s in shots if s.expect == "reply" and s.msg_id not in barrage.replies)
        no_idle = Counter(s.category for s in shots if s.expect == "busy_idle" and not barrage.idle_seen(s.msg_id))
        with capsys.disabled():
            print(f"fuzz: all answered {drained_after:.2f} s after the last message")
            print(f"fuzz: valid requests without reply: {dict(unanswered)}; without idle: {dict(no_idle)}")
            for shot in [s for s in shots if s.expect == "reply" and s.msg_id not in barrage.replies][:5]:
                print(f"  e.g. no reply to {content_of(shot)[:150]!r}")
        assert no_idle["unknown_msg_type"] == 0, "validly signed unknown types without busy/idle"
        if target.is_kindling:
            # (ipykernel 7.4 drops some comm messages with garbage fields without busy/idle.)
            assert no_idle == {}, "validly signed messages without busy/idle"
            # Every validly signed request is answered, with status error when its fields are wrong.
            assert unanswered == {}, "validly signed requests without a reply"
            wrong_status = [(content_of(s)[:120], barrage.replies[s.msg_id]) for s in wrong_types
                            if s.statuses and barrage.replies[s.msg_id][0][2] not in s.statuses]
            assert wrong_status == [], f"{len(wrong_status)} wrongly typed requests got an unexpected status: {wrong_status[:3]}"
        assert max(final) < PROMPT
    finally:
        barrage.close()
