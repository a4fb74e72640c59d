"""Launch a kernel by hand from its kernelspec, for tests that need control over the launch
(a client connected before the kernel binds, a parent process that dies)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager


def new_connection_file(directory: Path) -> tuple[Path, dict]:
    """A connection file with free ports on 127.0.0.1 and a random key."""
    directory.mkdir(parents=True, exist_ok=True)
    fname, info = write_connection_file(
        fname=str(directory / "connection.json"),
        ip="127.0.0.1",
        key=os.urandom(16).hex().encode(),
        transport="tcp",
    )
    return Path(fname), json.loads(Path(fname).read_text())


def kernel_argv(kernel_name: str, connection_file: Path) -> list[str]:
    spec = KernelSpecManager().get_kernel_spec(kernel_name)
    argv = [a.replace("{connection_file}", str(connection_file)) for a in spec.argv]
    argv = [a.replace("{resource_dir}", spec.resource_dir) for a in argv]
    if argv[0] in ("python", "python3") or argv[0].startswith("python3."):
        argv[0] = sys.executable  # what jupyter_client does for Python kernelspecs
    return argv


def kernel_env(kernel_name: str, log_dir: Path, **extra: str) -> dict:
    spec = KernelSpecManager().get_kernel_spec(kernel_name)
    env = dict(os.environ)
    env.update(spec.env or {})
    env["KINDLING_LOG_DIR"] = str(log_dir)
    env.update(extra)
    return env


def launch(kernel_name: str, connection_file: Path, log_dir: Path, **env: str) -> subprocess.Popen:
    log_dir.mkdir(parents=True, exist_ok=True)
    out = open(log_dir / "kernel-stdio.txt", "ab")
    return subprocess.Popen(
        kernel_argv(kernel_name, connection_file),
        env=kernel_env(kernel_name, log_dir, **env),
        stdin=subprocess.DEVNULL,
        stdout=out,
        stderr=out,
        start_new_session=True,
    )
