"""Generators of bad (and a few valid) Jupyter wire messages for the fuzz test.

Each generator takes the RNG and the WireSession and returns a ``Shot``: the frames, the socket to
send them on, and what the kernel may do with it:

- ``expect="ignore"``: invalid (unsigned, badly signed, replayed); the kernel must not act on it,
  so no IOPub message and no reply may carry its msg_id as parent.
- ``expect="busy_idle"``: validly signed unknown type; busy and idle, no reply.
- ``expect="reply"``: validly signed request with wrong field types; a reply must come, with one
  of ``statuses`` (None = any).
- ``expect="survive"``: anything else; the kernel just has to stay up.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field

from .wire import DELIMITER, Signer, WireSession, dumps

REQUEST_CHANNELS = ("shell", "control", "stdin")
KNOWN_TYPES = (
    "execute_request", "kernel_info_request", "complete_request", "inspect_request",
    "history_request", "is_complete_request", "comm_info_request", "comm_open", "comm_msg",
    "comm_close", "input_reply", "shutdown_request", "interrupt_request", "connect_request",
)


@dataclass
class Shot:
    category: str
    channel: str  # shell, control, stdin, iopub (garbage XSUB), hb (DEALER)
    frames: list[bytes]
    msg_id: str | None = None
    expect: str = "survive"
    statuses: frozenset[str] | None = None
    replayable: bool = False  # a valid message worth replaying later
    payload_bytes: int = field(default=0)


def rand_bytes(rng: random.Random, low: int = 0, high: int = 64) -> bytes:
    return rng.randbytes(rng.randint(low, high))


def rand_text(rng: random.Random, n: int = 12) -> str:
    alphabet = "abcxyz019 _-%\\\"'{}[]\n\t\u00e9\u65e5\U0001F600\u0000"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, n)))


def valid_content(rng: random.Random, msg_type: str) -> dict:
    return {
        "execute_request": {"code": "# fuzz", "silent": False, "store_history": False,
                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": False},
        "kernel_info_request": {},
        "complete_request": {"code": "pri", "cursor_pos": 3},
        "inspect_request": {"code": "print", "cursor_pos": 5, "detail_level": 0},
        "history_request": {"output": False, "raw": True, "hist_access_type": "tail", "n": 1},
        "is_complete_request": {"code": "print x"},
        "comm_info_request": {},
        "comm_open": {"comm_id": uuid.uuid4().hex, "target_name": "no-such-target", "data": {}},
        "comm_msg": {"comm_id": uuid.uuid4().hex, "data": {}},
        "comm_close": {"comm_id": uuid.uuid4().hex, "data": {}},
        "input_reply": {"value": "x"},
        "shutdown_request": {"restart": False},
        "interrupt_request": {},
        "connect_request": {},
    }.get(msg_type, {"x": rng.random()})


def channel_for(msg_type: str) -> str:
    if msg_type in ("shutdown_request", "interrupt_request"):
        return "control"
    if msg_type == "input_reply":
        return "stdin"
    return "shell"


class Generators:
    def __init__(self, rng: random.Random, session: WireSession, pwn_code: str) -> None:
        self.rng = rng
        self.session = session
        self.pwn_code = pwn_code  # code that would set the "pwned" flag if it ever ran
        self.wrong_signer = Signer(b"not-the-key-" + rng.randbytes(8).hex().encode())
        self.replay_pool: list[Shot] = []

    # -- garbage that is not a Jupyter message at all ------------------------------------

    def random_binary(self) -> Shot:
        r = self.rng
        channel = r.choice(REQUEST_CHANNELS + ("iopub", "hb"))
        frames = [rand_bytes(r, 0, 300) for _ in range(r.randint(1, 8))]
        return Shot("random_binary", channel, frames)

    def malformed_frames(self) -> Shot:
        r = self.rng
        kind = r.randrange(5)
        if kind == 0:  # too few frames after the delimiter
            frames = [DELIMITER] + [b"{}"] * r.randint(0, 4)
        elif kind == 1:  # not UTF-8 where JSON is expected, correctly signed
            parts = [b"\xff\xfe\xfa" + rand_bytes(r, 0, 20) for _ in range(4)]
            frames = self.session.signed_raw(parts)
        elif kind == 2:  # empty frames everywhere
            frames = [b""] * r.randint(1, 10)
        elif kind == 3:  # several delimiters
            _, good = self.session.frames("kernel_info_request", {})
            frames = [DELIMITER, DELIMITER] + good
        else:  # delimiter inside the JSON frames, signature frame missing
            frames = [DELIMITER] + [dumps({}) for _ in range(4)]
        return Shot("malformed_frames", r.choice(REQUEST_CHANNELS), frames)

    def missing_delimiter(self) -> Shot:
        msg_id, frames = self.session.frames(
            "execute_request", {"code": self.pwn_code, "silent": False, "store_history": False,
                                "user_expressions": {}, "allow_stdin": False, "stop_on_error": False})
        frames = [f for f in frames if f != DELIMITER]
        return Shot("missing_delimiter", "shell", frames, msg_id, expect="ignore")

    def bad_json(self) -> Shot:
        r = self.rng
        good = [dumps(self.session.header("kernel_info_request")), b"{}", b"{}", b"{}"]
        i = r.randrange(4)
        good[i] = r.choice([b"{", b"{\"a\":}", b"nul", b"{'single': 1}", b"{\"a\":NaN}", b"\"unterminated",
                            b"{\"a\":1}}", rand_bytes(r, 1, 40), b"[1,2", b"{\"msg_id\": \"\\ud800\"}"])
        return Shot("bad_json", r.choice(REQUEST_CHANNELS), self.session.signed_raw(good))

    def non_object_json(self) -> Shot:
        r = self.rng
        parts = [dumps(self.session.header("kernel_info_request")), b"{}", b"{}", b"{}"]
        parts[r.randrange(4)] = r.choice([b"[]", b"[1,2,3]", b"\"a string\"", b"42", b"null", b"true", b"3.5"])
        return Shot("non_object_json", r.choice(REQUEST_CHANNELS), self.session.signed_raw(parts))

    # -- messages that must not be acted on -----------------------------------------------

    def _dangerous(self) -> tuple[str, dict]:
        r = self.rng
        msg_type = r.choice(("execute_request", "execute_request", "shutdown_request", "kernel_info_request",
                             "comm_info_request", "interrupt_request"))
        if msg_type == "execute_request":
            return msg_type, {"code": self.pwn_code, "silent": False, "store_history": True,
                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": False}
        return msg_type, valid_content(r, msg_type)

    def unsigned(self) -> Shot:
        msg_type, content = self._dangerous()
        msg_id, frames = self.session.frames(msg_type, content, signature=b"")
        return Shot("unsigned", channel_for(msg_type), frames, msg_id, expect="ignore")

    def wrong_signature(self) -> Shot:
        r = self.rng
        msg_type, content = self._dangerous()
        header = self.session.header(msg_type)
        parts = [dumps(header), b"{}", b"{}", dumps(content)]
        right = self.session.signer.sign(parts)
        kind = r.randrange(6)
        if kind == 0:
            sig = r.randbytes(32).hex().encode()
        elif kind == 1:
            sig = self.wrong_signer.sign(parts)
        elif kind == 2:
            sig = right[: r.randint(1, len(right) - 1)]
        elif kind == 3:
            sig = right + b"0"
        elif kind == 4:  # a valid signature of different content
            sig = self.session.signer.sign([dumps(self.session.header("kernel_info_request")), b"{}", b"{}", b"{}"])
        else:  # the right signature, content changed after signing
            sig = right
            content = dict(content, tampered=True)
            parts[3] = dumps(content)
        frames = [DELIMITER, sig, *parts]
        return Shot("wrong_signature", channel_for(msg_type), frames, header["msg_id"], expect="ignore")

    def replayed(self) -> Shot | None:
        if not self.replay_pool:
            return None
        original = self.rng.choice(self.replay_pool)
        return Shot("replayed", original.channel, list(original.frames), original.msg_id, expect="replay")

    # -- validly signed but odd ---------------------------------------------------------------

    def replay_source(self) -> Shot:
        """A valid message, remembered so that it can be replayed byte for byte."""
        r = self.rng
        msg_type = r.choice(("kernel_info_request", "comm_info_request", "execute_request"))
        content = valid_content(r, msg_type)
        msg_id, frames = self.session.frames(msg_type, content)
        shot = Shot("valid_then_replayed", "shell", frames, msg_id, expect="reply", replayable=True)
        self.replay_pool.append(shot)
        return shot

    def unknown_msg_type(self) -> Shot:
        r = self.rng
        msg_type = r.choice(("fuzz_request", "kindling_nonsense", "execute_requestx", "EXECUTE_REQUEST",
                             "status", "stream", "kernel_info_reply", "x")) + ("" if r.random() < 0.5 else str(r.randint(0, 99)))
        if msg_type in KNOWN_TYPES:
            msg_type += "_x"
        channel = r.choice(("shell", "control"))
        msg_id, frames = self.session.frames(msg_type, {"anything": rand_text(r)})
        return Shot("unknown_msg_type", channel, frames, msg_id, expect="busy_idle")

    def missing_header_fields(self) -> Shot:
        r = self.rng
        msg_type = r.choice(("kernel_info_request", "execute_request", "complete_request"))
        header = self.session.header(msg_type)
        for key in r.sample(sorted(header), r.randint(1, len(header))):
            del header[key]
        if r.random() < 0.3:
            header[r.choice(["msg_id", "session", "date", "version", "username"])] = r.choice([None, 5, [], {}, 1.5])
        _, frames = self.session.frames(msg_type, valid_content(r, msg_type), header=header)
        return Shot("missing_header_fields", "shell", frames)

    def wrong_field_types(self) -> Shot:
        r = self.rng
        bad = r.choice([5, -1, 3.25, None, [], ["a"], {}, {"a": 1}, True, "", "zz"])
        any_status = None
        cases = [
            # (msg_type, content, acceptable reply statuses)
            ("execute_request", {"code": r.choice([123, None, ["print x"], {"c": 1}, 4.5, True]), "silent": False,
                                 "store_history": False, "user_expressions": {}, "allow_stdin": False,
                                 "stop_on_error": False}, frozenset({"error", "aborted"})),
            ("execute_request", {"code": "# fuzz", "silent": r.choice(["no", 2, [], {}]), "store_history": bad,
                                 "user_expressions": r.choice([[], "x", 5, {"e": 5}]), "allow_stdin": r.choice(["x", 3]),
                                 "stop_on_error": False}, any_status),
            ("complete_request", {"code": "pri", "cursor_pos": r.choice(["abc", "", [], {}])}, frozenset({"error"})),
            # null means "not given" (ipykernel: end of code); "3" and 1.5 may be coerced
            ("complete_request", {"code": "pri", "cursor_pos": r.choice(["3", None, 1.5])}, any_status),
            ("complete_request", {"code": r.choice([5, None, [], {}]), "cursor_pos": 3}, frozenset({"error"})),
            ("complete_request", {"code": "pri", "cursor_pos": r.choice([-5, 10_000, 2**40])}, any_status),
            ("inspect_request", {"code": "print", "cursor_pos": r.choice(["x", [], {}]), "detail_level": 0}, frozenset({"error"})),
            ("inspect_request", {"code": "print", "cursor_pos": 5, "detail_level": r.choice(["high", [], 7])}, any_status),
            ("history_request", {"output": False, "raw": True, "hist_access_type": r.choice([5, None, [], "nonsense"]), "n": 1}, any_status),
            ("history_request", {"output": False, "raw": True, "hist_access_type": "tail", "n": r.choice(["ten", [], {}])}, frozenset({"error"})),
            ("is_complete_request", {"code": r.choice([5, None, [], {}])}, frozenset({"error", "unknown"})),
            ("comm_info_request", {"target_name": r.choice([5, [], {}, True])}, any_status),
            ("kernel_info_request", {"unexpected": bad}, frozenset({"ok"})),
        ]
        msg_type, content, statuses = r.choice(cases)
        if r.random() < 0.2:
            for key in list(content):
                if r.random() < 0.5:
                    del content[key]
            statuses = any_status
        buffers = [rand_bytes(r, 0, 50) for _ in range(r.randint(0, 2))]
        msg_id, frames = self.session.frames(msg_type, content, buffers=buffers)
        return Shot("wrong_field_types", "shell", frames, msg_id, expect="reply", statuses=statuses)

    def comm_garbage(self) -> Shot:
        r = self.rng
        msg_type = r.choice(("comm_open", "comm_msg", "comm_close"))
        content = r.choice([{}, {"comm_id": r.choice([5, None, [], ""])}, {"comm_id": "x", "data": r.choice([5, "s", []])},
                            {"comm_id": uuid.uuid4().hex, "target_name": r.choice([5, None, "echo"]), "data": None}])
        msg_id, frames = self.session.frames(msg_type, content, buffers=[rand_bytes(r) for _ in range(r.randint(0, 3))])
        return Shot("comm_garbage", "shell", frames, msg_id, expect="busy_idle")

    def stdin_unsolicited(self) -> Shot:
        r = self.rng
        content = r.choice([{"value": rand_text(r)}, {"value": 5}, {}, {"value": None}])
        msg_id, frames = self.session.frames(r.choice(("input_reply", "input_request", "execute_request")), content)
        return Shot("stdin_unsolicited", "stdin", frames, msg_id)

    def iopub_garbage(self) -> Shot:
        r = self.rng
        kind = r.randrange(4)
        if kind == 0:
            frames = [b"\x01" + rand_bytes(r, 0, 40)]  # subscribe to a random topic
        elif kind == 1:
            frames = [b"\x00" + rand_bytes(r, 0, 40)]  # unsubscribe
        elif kind == 2:  # a validly signed request sent to the wrong socket
            msg_id, frames = self.session.frames("execute_request", {"code": self.pwn_code})
            return Shot("iopub_garbage", "iopub", frames, msg_id, expect="ignore")
        else:
            frames = [rand_bytes(r, 0, 100) for _ in range(r.randint(1, 4))]
        return Shot("iopub_garbage", "iopub", frames)

    def heartbeat_garbage(self) -> Shot:
        r = self.rng
        frames = [b""] + [rand_bytes(r, 0, 200) for _ in range(r.randint(1, 3))] if r.random() < 0.5 else \
            [rand_bytes(r, 0, 200) for _ in range(r.randint(1, 5))]
        return Shot("heartbeat_garbage", "hb", frames)

    def oversized(self) -> Shot:
        r = self.rng
        size = r.randint(3, 6) * 1024 * 1024
        kind = r.randrange(4)
        if kind == 0:  # valid and huge: a comment cell
            code = "# " + "x" * size
            msg_id, frames = self.session.frames("execute_request", {"code": code, "silent": False, "store_history": False,
                                                                     "user_expressions": {}, "allow_stdin": False,
                                                                     "stop_on_error": False})
            return Shot("oversized", "shell", frames, msg_id, expect="reply", payload_bytes=size)
        if kind == 1:  # huge and unsigned
            code = self.pwn_code + "\n# " + "y" * size
            msg_id, frames = self.session.frames("execute_request", {"code": code}, signature=b"")
            return Shot("oversized", "shell", frames, msg_id, expect="ignore", payload_bytes=size)
        if kind == 2:  # valid, huge metadata
            msg_id, frames = self.session.frames("kernel_info_request", {}, metadata={"junk": "z" * size})
            return Shot("oversized", r.choice(("shell", "control")), frames, msg_id, expect="reply", payload_bytes=size)
        return Shot("oversized", r.choice(REQUEST_CHANNELS), [r.randbytes(size)], payload_bytes=size)
