"""A Spark standalone cluster on loopback for the end-to-end suites: a Master and Workers as
separate JVMs, started from the distribution's bundled Spark jars with the flags the launcher gives
a kernel's JVM (the Python twin of plugins/scala's StandaloneCluster).

The cluster's Spark home holds only Spark's jars (symlinks into the distribution's ``spark/``), no
Kindling classes and no Python, as on a real cluster. Start-up waits on the master's JSON status
page until every worker is ALIVE, with a deadline; ``close()`` stops the workers (and so their
executors) and the master and waits for them to exit.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from . import paths

START_TIMEOUT = 90.0


def launcher_java_flags() -> list[str]:
    """The JVM flags ``bin/kindling`` gives a kernel (Spark's --add-opens list), read from the
    launcher itself so the cluster's JVMs get exactly what the driver gets."""
    text = paths.launcher().read_text()
    block = re.search(r"^spark_java_options=\(\n(.*?)^\)", text, re.S | re.M)
    if block is None:
        raise RuntimeError(f"no spark_java_options=( ... ) in {paths.launcher()}")
    return block.group(1).split()


def java() -> str:
    home = os.environ.get("JAVA_HOME")
    return str(Path(home) / "bin" / "java") if home else "java"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StandaloneCluster:
    """A master and ``workers`` workers with one core each, on 127.0.0.1, under ``directory``."""

    def __init__(self, directory: Path, workers: int = 2, worker_env: dict | None = None) -> None:
        self.directory = directory
        self.worker_count = workers
        self.worker_env = worker_env or {}
        self.home = directory / "spark-home"
        self.port = free_port()
        self.ui_port = free_port()
        self.processes: list[subprocess.Popen] = []
        self.workers: list[subprocess.Popen] = []
        self.work_dirs: list[Path] = []
        self._groups: list[int] = []

    @property
    def master_url(self) -> str:
        return f"spark://127.0.0.1:{self.port}"

    def __enter__(self) -> "StandaloneCluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> "StandaloneCluster":
        self._spark_home()
        try:
            self._launch("master", ["org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                                    "--port", str(self.port), "--webui-port", str(self.ui_port)])
            for i in range(self.worker_count):
                work_dir = self.directory / f"work-{i}"
                work_dir.mkdir(parents=True, exist_ok=True)
                self.work_dirs.append(work_dir)
                worker = self._launch(
                    f"worker-{i}",
                    ["org.apache.spark.deploy.worker.Worker", self.master_url, "--host", "127.0.0.1",
                     "--cores", "1", "--memory", "1g", "--webui-port", str(free_port()),
                     "--work-dir", str(work_dir)],
                    self.worker_env,
                )
                self.workers.append(worker)
            self._await_alive_workers()
        except BaseException:
            self.close()
            raise
        return self

    def status(self) -> dict:
        """The master's JSON status page (workers, applications)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.ui_port}/json/", timeout=5) as r:
            return json.loads(r.read())

    def log(self, name: str) -> str:
        path = self.directory / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _spark_home(self) -> None:
        jars = self.home / "jars"
        jars.mkdir(parents=True, exist_ok=True)
        for jar in sorted((paths.kindling_home() / "spark").glob("*.jar")):
            link = jars / jar.name
            if not link.exists():
                link.symlink_to(jar)

    def _launch(self, name: str, main: list[str], extra_env: dict | None = None) -> subprocess.Popen:
        env = dict(os.environ, SPARK_HOME=str(self.home), SPARK_SCALA_VERSION="2.13")
        env.update(extra_env or {})
        command = [java(), "-Xmx512m", *launcher_java_flags(), "-cp", f"{self.home / 'jars'}/*", *main]
        with open(self.directory / f"{name}.log", "ab") as log:
            process = subprocess.Popen(
                command, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: close() stops its executors too
            )
        self.processes.append(process)
        self._groups.append(process.pid)
        return process

    def _await_alive_workers(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        last = "no answer"
        while time.monotonic() < deadline:
            for process in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"a cluster JVM exited with {process.returncode}:\n{self._logs()}")
            try:
                workers = self.status().get("workers", [])
                alive = [w for w in workers if w.get("state") == "ALIVE"]
                if len(alive) >= self.worker_count:
                    return
                last = f"{len(alive)} of {self.worker_count} workers alive"
            except (urllib.error.URLError, ConnectionError, OSError, ValueError) as e:
                last = repr(e)
            time.sleep(0.2)  # polling the master's status page, bounded by the deadline
        raise RuntimeError(f"standalone cluster not up within {START_TIMEOUT} s ({last}):\n{self._logs()}")

    def _logs(self) -> str:
        names = ["master"] + [f"worker-{i}" for i in range(self.worker_count)]
        return "\n".join(f"--- {n}.log\n{self.log(n)[-3000:]}" for n in names)

    def close(self) -> None:
        # Workers first (each kills its executors), then the master; each in its own group, so a
        # signal to the group also reaches an executor whose worker did not stop it.
        for process in reversed(self.processes):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for process in reversed(self.processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        for group in self._groups:  # anything left in a group (an orphaned executor, Python)
            try:
                os.killpg(group, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.processes.clear()
        deadline = time.monotonic() + 10
        while self.leftover_processes() and time.monotonic() < deadline:
            time.sleep(0.1)  # SIGKILL is delivered asynchronously; bounded by the deadline

    def leftover_processes(self) -> list[int]:
        """Pids of live (not zombie) processes in the cluster's process groups; none after
        close()."""
        groups = set(self._groups)
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                fields = stat[stat.rindex(")") + 2 :].split()
                if int(fields[2]) in groups and fields[0] != "Z":
                    found.append(int(entry.name))
        return found
