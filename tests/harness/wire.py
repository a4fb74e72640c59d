"""A raw ZeroMQ client that builds, signs and parses Jupyter wire messages itself.

jupyter_client turns header dates into datetime objects and rejects anything malformed, which is
right for a client and wrong for tests of the wire format: here headers stay exactly as the kernel
sent them, and the fuzz test can send frames jupyter_client would never produce.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import zmq

DELIMITER = b"<IDS|MSG>"
PROTOCOL_VERSION = "5.4"


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, allow_nan=False).encode("utf-8")


class Signer:
    """HMAC over header, parent, metadata and content frames, as lowercase hex."""

    def __init__(self, key: bytes, scheme: str = "hmac-sha256") -> None:
        self.key = key
        self.digest = getattr(hashlib, scheme.split("-", 1)[1])

    def sign(self, parts: list[bytes]) -> bytes:
        if not self.key:
            return b""
        mac = hmac.new(self.key, digestmod=self.digest)
        for part in parts:
            mac.update(part)
        return mac.hexdigest().encode("ascii")


@dataclass
class WireMessage:
    identities: list[bytes]
    signature: bytes
    raw_parts: list[bytes]  # header, parent_header, metadata, content exactly as received
    buffers: list[bytes]
    signature_ok: bool

    @property
    def header(self) -> dict:
        return json.loads(self.raw_parts[0])

    @property
    def parent_header(self) -> dict:
        return json.loads(self.raw_parts[1])

    @property
    def metadata(self) -> dict:
        return json.loads(self.raw_parts[2])

    @property
    def content(self) -> dict:
        return json.loads(self.raw_parts[3])

    @property
    def msg_type(self) -> str:
        return self.header.get("msg_type", "")

    @property
    def parent_id(self) -> str | None:
        return self.parent_header.get("msg_id")


class WireSession:
    """Builds signed messages for one client session and parses the kernel's."""

    def __init__(self, key: bytes, scheme: str = "hmac-sha256", username: str = "kindling-e2e") -> None:
        self.signer = Signer(key, scheme)
        self.session = uuid.uuid4().hex
        self.username = username

    def header(self, msg_type: str, **extra: Any) -> dict:
        header = {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "username": self.username,
            "session": self.session,
            "date": utc_now(),
            "version": PROTOCOL_VERSION,
        }
        header.update(extra)
        return header

    def frames(
        self,
        msg_type: str,
        content: Any,
        *,
        header: dict | None = None,
        parent: Any = None,
        metadata: Any = None,
        buffers: list[bytes] = (),
        signature: bytes | None = None,
        identities: list[bytes] = (),
    ) -> tuple[str | None, list[bytes]]:
        """(msg_id, frames). ``signature`` overrides the computed one (b"" = unsigned)."""
        header = header if header is not None else self.header(msg_type)
        parts = [
            dumps(header),
            dumps(parent if parent is not None else {}),
            dumps(metadata if metadata is not None else {}),
            dumps(content),
        ]
        sig = self.signer.sign(parts) if signature is None else signature
        msg_id = header.get("msg_id") if isinstance(header, dict) else None
        return msg_id, [*identities, DELIMITER, sig, *parts, *buffers]

    def signed_raw(self, parts: list[bytes], identities: list[bytes] = ()) -> list[bytes]:
        """Frames for four arbitrary byte strings, correctly signed."""
        return [*identities, DELIMITER, self.signer.sign(parts), *parts]

    def parse(self, frames: list[bytes]) -> WireMessage:
        i = frames.index(DELIMITER)
        identities, signature = frames[:i], frames[i + 1]
        parts, buffers = frames[i + 2 : i + 6], frames[i + 6 :]
        if len(parts) != 4:
            raise ValueError(f"malformed message: {len(parts)} parts after the signature")
        expected = self.signer.sign(parts)
        ok = hmac.compare_digest(expected, signature)
        return WireMessage(list(identities), signature, list(parts), list(buffers), ok)


class WireClient:
    """DEALER sockets on shell/control/stdin (one identity), SUB on iopub, REQ on heartbeat."""

    def __init__(self, connection_info: dict, context: zmq.Context | None = None) -> None:
        self.info = connection_info
        key = connection_info.get("key", b"")
        key = key if isinstance(key, bytes) else key.encode("utf-8")
        self.session = WireSession(key, connection_info.get("signature_scheme", "hmac-sha256"))
        self.context = context or zmq.Context.instance()
        self.identity = self.session.session.encode()
        self.sockets: dict[str, zmq.Socket] = {}
        for name in ("shell", "control", "stdin"):
            s = self.context.socket(zmq.DEALER)
            s.setsockopt(zmq.IDENTITY, self.identity)
            s.setsockopt(zmq.LINGER, 0)
            s.connect(self.url(name))
            self.sockets[name] = s
        sub = self.context.socket(zmq.SUB)
        sub.setsockopt(zmq.LINGER, 0)
        sub.setsockopt(zmq.SUBSCRIBE, b"")
        sub.connect(self.url("iopub"))
        self.sockets["iopub"] = sub
        hb = self.context.socket(zmq.REQ)
        hb.setsockopt(zmq.LINGER, 0)
        hb.connect(self.url("hb"))
        self.sockets["hb"] = hb

    def url(self, channel: str) -> str:
        return f"{self.info.get('transport', 'tcp')}://{self.info['ip']}:{self.info[channel + '_port']}"

    def send(self, channel: str, msg_type: str, content: Any, **kw: Any) -> str | None:
        msg_id, frames = self.session.frames(msg_type, content, **kw)
        self.sockets[channel].send_multipart(frames)
        return msg_id

    def recv(self, channel: str, timeout: float) -> WireMessage | None:
        sock = self.sockets[channel]
        if not sock.poll(int(timeout * 1000)):
            return None
        return self.session.parse(sock.recv_multipart())

    def close(self) -> None:
        for s in self.sockets.values():
            s.close(linger=0)
        self.sockets.clear()
