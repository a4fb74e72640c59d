"""`./run NOTEBOOK.ipynb KERNEL`: the README's headless path, run for real (build check, venv,
kernelspec install into .venv, then the notebook through nbclient), against the test kernel."""

from __future__ import annotations

import os
import subprocess

import nbformat
import pytest

from harness import paths
from harness.jupyter_env import KINDLING_KERNEL_NAME

pytestmark = pytest.mark.kindling_only


def notebook(path, *cells: str):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nb.metadata["kernelspec"] = {"name": KINDLING_KERNEL_NAME, "display_name": "test", "language": "kindling-test"}
    nbformat.write(nb, path)
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "KINDLING_NO_APT": "1",  # never apt-get from a test
        "KINDLING_HOME": str(paths.kindling_home()),  # the build under test; no rebuild here
    }
    return subprocess.run(
        [str(paths.REPO_ROOT / "run"), *args], capture_output=True, text=True, timeout=600, env=env,
    )


def test_run_executes_a_notebook_and_prints_its_outputs(tmp_path):
    nb = notebook(tmp_path / "hello.ipynb", "print hello from run", "value 42", "print last cell")

    done = run(str(nb), KINDLING_KERNEL_NAME)

    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "hello from run\n" in out and "42\n" in out
    assert out.index("hello from run") < out.index("42") < out.index("last cell")
    assert "run: all cells ran" in out


def test_run_fails_on_a_cell_error_and_stops_there(tmp_path):
    nb = notebook(tmp_path / "broken.ipynb", "print before", "error something broke", "print never")

    done = run(str(nb))  # the kernel named in the notebook

    assert done.returncode == 1
    assert "before" in done.stdout
    assert "TestError: something broke" in done.stdout
    assert "never" not in done.stdout
    assert "cell 2 failed" in done.stderr


def test_run_names_the_installed_kernels_when_the_kernel_is_unknown(tmp_path):
    nb = notebook(tmp_path / "x.ipynb", "print x")

    done = run(str(nb), "no_such_kernel")

    assert done.returncode == 2
    assert "no kernel named 'no_such_kernel'" in done.stderr
    assert "kindling_scala" in done.stderr  # ./run installed the Kindling kernelspecs into .venv


def test_run_without_arguments_serves_jupyterlab_with_the_kindling_kernels(tmp_path):
    import json
    import re
    import signal
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "run.txt"
    env = {**os.environ, "KINDLING_NO_APT": "1", "KINDLING_HOME": str(paths.kindling_home()),
           "KINDLING_PORT": str(port)}
    with open(log, "wb") as out:
        process = subprocess.Popen([str(paths.REPO_ROOT / "run")], stdout=out, stderr=subprocess.STDOUT,
                                   env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        url = None
        while url is None:  # the URL with its token, as a user reads it from the terminal
            assert process.poll() is None, log.read_text()
            found = re.search(rf"http://127\.0\.0\.1:{port}/lab\?token=(\w+)", log.read_text())
            url = found and found.group(0)
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)  # polling a log file with a deadline, not a synchronisation
        with urllib.request.urlopen(url, timeout=30) as page:
            assert page.status == 200
        token = url.split("token=")[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernelspecs?token={token}", timeout=30) as r:
            specs = json.load(r)["kernelspecs"]
        shown = {name: spec["spec"]["display_name"] for name, spec in specs.items()}
        assert shown["kindling_scala"] == "Kindling (Scala)"
        assert {"kindling_pyspark", "kindling_sparkr", "kindling_sql"} <= set(shown)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
