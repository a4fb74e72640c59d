"""examples/custom-magic, a third-party plugin built on its own against kindling-plugin-api: the
test builds it with Maven, drops its jar into a copy of the distribution's plugins/ and uses its
%hello line magic, %%upper cell magic and ``hello`` comm target through jupyter_client.

Maven runs offline. plugin-api (and the parent pom it names) is installed into a local repository
inside the test's temp dir, chained in front of ~/.m2 read-only (maven.repo.local.tail), so the
user's ~/.m2 is never written.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from harness import jupyter_env, paths
from harness.kernel import KernelSession
from harness.target import SCALA

pytestmark = pytest.mark.kindling_only

EXAMPLE = paths.REPO_ROOT / "examples" / "custom-magic"
KERNEL_NAME = "kindling_custom_magic"
MAVEN_TIMEOUT = 600


def _maven(args: list[str], repo: Path) -> None:
    command = [
        str(paths.REPO_ROOT / "mvnw"),
        "-q",
        "-B",
        "-o",
        f"-Dmaven.repo.local={repo}",
        f"-Dmaven.repo.local.tail={Path.home() / '.m2' / 'repository'}",
        *args,
    ]
    done = subprocess.run(
        command, cwd=paths.REPO_ROOT, capture_output=True, text=True, timeout=MAVEN_TIMEOUT
    )
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def plugin_jar(tmp_path_factory) -> Path:
    SCALA.check_available()
    work = tmp_path_factory.mktemp("custom-magic")
    repo = work / "m2"
    version = paths.kindling_home().name.removeprefix("kindling-")
    _maven(["-pl", ".,plugin-api", "install", "-DskipTests"], repo)
    project = work / "custom-magic"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("target"))
    _maven(["-f", str(project / "pom.xml"), "package", f"-Dkindling.version={version}"], repo)
    [jar] = (project / "target").glob("custom-magic-*.jar")
    return jar


@pytest.fixture(scope="module")
def kernel(plugin_jar, tmp_path_factory):
    plugins = tmp_path_factory.mktemp("plugins-copy") / "plugins"
    shutil.copytree(paths.kindling_home() / "plugins", plugins)
    shutil.copy(plugin_jar, plugins)
    spec = jupyter_env.kindling_scala_kernelspec()
    spec["argv"] += ["--plugins-dir", str(plugins)]
    jupyter_env.write_kernelspec(Path(os.environ["JUPYTER_PATH"]) / "kernels", KERNEL_NAME, spec)
    target = dataclasses.replace(SCALA, kernel_name=KERNEL_NAME)
    session = KernelSession(target, tmp_path_factory.mktemp("logs"), name="custom-magic")
    session.start(ready_timeout=60)
    yield session
    session.stop()


def ok(kernel, code):
    ex = kernel.execute(code, timeout=60)
    assert ex.status == "ok", ex.describe()
    return ex


def test_the_jar_was_built_against_the_plugin_api_alone(plugin_jar):
    listing = subprocess.run(
        ["unzip", "-Z1", str(plugin_jar)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "META-INF/extensions.idx" in listing
    assert not [name for name in listing if name.startswith(("dev/kindling", "org/pf4j"))]


def test_hello_line_magic(kernel):
    version = paths.kindling_home().name.removeprefix("kindling-")
    assert ok(kernel, "%hello").result_text == f"Hello, world! (Kindling {version})"
    assert ok(kernel, "%HELLO Ada").result_text.startswith("Hello, Ada!")
    ex = kernel.execute("%hello Ada Lovelace")
    assert ex.status == "error"
    assert ex.errors[0]["content"]["ename"] == "UsageError"
    assert "%hello [NAME]" in "\n".join(ex.errors[0]["content"]["traceback"])


def test_upper_cell_magic(kernel):
    ex = ok(kernel, "%%upper\nquiet words <b>")
    data = ex.results[0]["content"]["data"]
    assert data["text/plain"] == "QUIET WORDS <B>"
    assert data["text/html"] == "<pre>QUIET WORDS &lt;B&gt;</pre>"


def test_lsmagic_lists_the_examples_magics_beside_the_built_in_ones(kernel):
    text = ok(kernel, "%lsmagic").result_text
    assert "Greet someone (example plugin)" in text
    assert "Show the cell in upper case (example plugin)" in text
    assert "%%html" in text


def test_hello_comm_target(kernel):
    comms = kernel.request("comm_info_request", {"target_name": "hello"})["content"]["comms"]
    assert comms == {}
    comm_id = uuid.uuid4().hex
    msg_id = kernel.send("comm_open", {"comm_id": comm_id, "target_name": "hello", "data": {"who": "test"}})
    [greeting] = [m for m in kernel.until_idle(msg_id, 10) if m["header"]["msg_type"] == "comm_msg"]
    assert greeting["content"]["data"] == {
        "greeting": "hello from the kernel",
        "opened_with": {"who": "test"},
    }
    for n in (1, 2):
        msg_id = kernel.send("comm_msg", {"comm_id": comm_id, "data": {"n": n}})
        [answer] = [m for m in kernel.until_idle(msg_id, 10) if m["header"]["msg_type"] == "comm_msg"]
        assert answer["content"]["data"] == {"received": n, "echo": {"n": n}}
    kernel.until_idle(kernel.send("comm_close", {"comm_id": comm_id, "data": {}}), 10)
    comms = kernel.request("comm_info_request", {"target_name": "hello"})["content"]["comms"]
    assert comm_id not in comms
