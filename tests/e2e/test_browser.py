"""Kindling in JupyterLab in a real browser: Debian's Chromium driven by playwright-core
against one JupyterLab on 127.0.0.1 with its own ``kindling_scala`` and ``kindling_pyspark``
kernelspecs. tests/browser/jupyterlab.test.mjs creates a "Kindling (Scala)" notebook, runs a
DataFrame cell (table and Spark progress), interrupts a long job from the toolbar and restarts the
kernel from the Kernel menu. tests/browser/widgets.test.mjs creates a "Kindling (PySpark)"
notebook with an ipywidgets slider and checks comms both ways (the browser moves it, the kernel's
observer answers; Python sets it, the page follows). Screenshots go to tests/browser/artifacts, the
widget test's to its ``widgets`` subdirectory (``KINDLING_BROWSER_ARTIFACTS`` overrides).

A missing browser or Node.js fails the test with what to install: CI must run it.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from harness import jupyter_env, paths

pytestmark = pytest.mark.kindling_only

BROWSER_DIR = paths.REPO_ROOT / "tests" / "browser"
SCRIPT = BROWSER_DIR / "jupyterlab.test.mjs"
WIDGETS_SCRIPT = BROWSER_DIR / "widgets.test.mjs"
JUPYTER = Path(sys.executable).parent / "jupyter"
INSTALL_HINT = (
    "run scripts/setup-browser-env as root (./test does), or "
    "apt-get install --no-install-recommends chromium nodejs npm"
)


def artifacts_dir() -> Path:
    return Path(os.environ.get("KINDLING_BROWSER_ARTIFACTS", BROWSER_DIR / "artifacts"))


@pytest.fixture(scope="module")
def browser_tools() -> tuple[str, str]:
    """Chromium and Node.js 18+ (and playwright-core installed), or a failure that says what to
    install."""
    chromium = os.environ.get("KINDLING_CHROMIUM", "/usr/bin/chromium")
    if not os.access(chromium, os.X_OK):
        pytest.fail(f"no Chromium at {chromium}: {INSTALL_HINT}", pytrace=False)
    node = shutil.which("node")
    if node is None:
        pytest.fail(f"no Node.js (node) on PATH: {INSTALL_HINT}", pytrace=False)
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    if int(version.lstrip("v").split(".")[0]) < 18:
        pytest.fail(f"Node.js {version} is too old for playwright-core: install Node.js 18 or newer",
                    pytrace=False)
    # npm ci only when tests/browser/package-lock.json changed; never apt-get from a test.
    setup = subprocess.run([str(paths.REPO_ROOT / "scripts" / "setup-browser-env")],
                           capture_output=True, text=True, timeout=600,
                           env={**os.environ, "KINDLING_NO_APT": "1"})
    if setup.returncode != 0:
        pytest.fail(f"scripts/setup-browser-env failed:\n{setup.stdout}{setup.stderr}", pytrace=False)
    return chromium, node


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tail(path: Path, lines: int = 40) -> str:
    if not path.is_file():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="module")
def lab_server(browser_tools, tmp_path_factory, target):
    """JupyterLab on a free loopback port with a fresh root, workspace and settings, shared by the
    module's tests; yields its base URL with the token and its log file."""
    tmp_path = tmp_path_factory.mktemp("jupyterlab")
    port, token = free_port(), secrets.token_hex(16)
    root = tmp_path / "notebooks"
    root.mkdir()
    settings = tmp_path / "user-settings"
    # No "official Jupyter news?" toast over the notebook in the screenshots.
    news = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text('{"fetchNews": "false", "checkForUpdates": false}')
    # Its own kernelspecs: other suites add specs named "Kindling (Scala)" to the shared
    # environment, which would make the launcher card the script clicks ambiguous.
    kernels = tmp_path / "jupyter" / "kernels"
    jupyter_env.write_kernelspec(kernels, jupyter_env.SCALA_KERNEL_NAME, jupyter_env.kindling_scala_kernelspec())
    jupyter_env.write_kernelspec(kernels, jupyter_env.PYSPARK_KERNEL_NAME,
                                 jupyter_env.pyspark_kernelspec())
    log = tmp_path / "jupyterlab.txt"
    args = [str(JUPYTER), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
            "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}", f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}"]
    if os.geteuid() == 0:
        args.append("--allow-root")  # CI containers run as root
    with open(log, "wb") as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "JUPYTER_PATH": str(tmp_path / "jupyter"),
                                        "JUPYTER_DATA_DIR": str(tmp_path / "data")})
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, f"JupyterLab exited:\n{tail(log)}"
            try:
                with urllib.request.urlopen(f"{base}api/status?token={token}", timeout=10) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"JupyterLab did not answer in 120 s:\n{tail(log)}"
            time.sleep(0.2)  # polling interval of a readiness check with a deadline, not a synchronisation
        yield f"{base}?token={token}", log
    finally:
        process.terminate()  # jupyter_server shuts its kernels down on SIGTERM
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)


@pytest.fixture
def jupyterlab(lab_server):
    """The module's JupyterLab; the kernels a test started are shut down after it, so the next
    test's Spark does not share the machine with them."""
    yield lab_server
    url, _ = lab_server
    base, token = url.split("?token=")
    headers = {"Authorization": f"token {token}"}
    listing = urllib.request.Request(f"{base}api/kernels", headers=headers)
    with urllib.request.urlopen(listing, timeout=30) as r:
        kernels = json.load(r)
    for kernel in kernels:
        request = urllib.request.Request(f"{base}api/kernels/{kernel['id']}", method="DELETE",
                                         headers=headers)
        urllib.request.urlopen(request, timeout=120).close()  # returns once the kernel is shut down


def run_script(script: Path, browser_tools, jupyterlab, artifacts: Path, timeout: int):
    """Runs one Node script against the JupyterLab; the run's screenshots replace the last run's."""
    chromium, node = browser_tools
    url, _ = jupyterlab
    artifacts.mkdir(parents=True, exist_ok=True)
    for old in artifacts.glob("*.png"):  # the screenshots left are this run's
        old.unlink()
    return subprocess.run(
        [node, str(script)], cwd=BROWSER_DIR, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "KINDLING_LAB_URL": url, "KINDLING_CHROMIUM": chromium,
             "KINDLING_BROWSER_ARTIFACTS": str(artifacts)},
    )


def assert_passed(done: subprocess.CompletedProcess, steps: int, artifacts: Path, lab_log: Path) -> None:
    """The script's output, and on failure the tails of JupyterLab's and the newest kernel logs."""
    print(done.stdout)
    print(f"screenshots: {artifacts}")
    kernel_logs = Path(os.environ["KINDLING_LOG_DIR"])  # set by conftest's isolated environment
    newest = sorted(kernel_logs.rglob("*.log"), key=lambda p: p.stat().st_mtime)[-2:]
    logs = "".join(f"\n--- kernel log {p.name}\n{tail(p)}" for p in newest)
    assert done.returncode == 0, (
        f"the browser test failed (screenshots in {artifacts}):\n{done.stdout}{done.stderr}"
        f"\n--- JupyterLab log\n{tail(lab_log)}{logs}"
    )
    assert f"all {steps} steps passed" in done.stdout, done.stdout


@pytest.mark.timeout(900)
def test_jupyterlab_in_chromium_runs_interrupts_and_restarts_a_scala_notebook(browser_tools, jupyterlab):
    artifacts = artifacts_dir()
    done = run_script(SCRIPT, browser_tools, jupyterlab, artifacts, timeout=840)
    assert_passed(done, 8, artifacts, jupyterlab[1])


@pytest.mark.timeout(400)
def test_an_ipywidgets_slider_in_a_pyspark_notebook_reacts_both_ways(browser_tools, jupyterlab):
    artifacts = artifacts_dir() / "widgets"
    done = run_script(WIDGETS_SCRIPT, browser_tools, jupyterlab, artifacts, timeout=360)
    assert_passed(done, 6, artifacts, jupyterlab[1])
