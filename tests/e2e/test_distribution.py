"""The tarball a user downloads: unpacked anywhere, with no SPARK_HOME, it installs kernelspecs
that start kernels, prepares its class-data archive, and runs Spark from its bundled jars."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import tarfile
from pathlib import Path

import pytest

from harness import paths
from harness.dialect import KindlingTestLanguage
from harness.kernel import KernelSession, wait_until
from harness.target import Target

pytestmark = pytest.mark.kindling_only


def _env_without_spark() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("SPARK_HOME", "SPARK_OPTS", "SPARK_CONF_DIR")}
    return env


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    tarball = paths.tarball()
    assert tarball.is_file(), f"no {tarball}: run ./mvnw -B verify"
    into = tmp_path_factory.mktemp("unpacked tarball")  # a space in the path, on purpose
    with tarfile.open(tarball) as archive:
        archive.extractall(into, filter="tar")
    (home,) = into.iterdir()
    return home


def test_tarball_has_the_documented_layout(unpacked):
    assert unpacked.name == paths.kindling_home().name
    assert os.access(unpacked / "bin" / "kindling", os.X_OK)
    lib = [p.name for p in (unpacked / "lib").iterdir()]
    spark = [p.name for p in (unpacked / "spark").iterdir()]
    assert any(n.startswith("kindling-kernel-core-") for n in lib)
    assert not [n for n in lib if n.startswith(("spark-", "scala-", "hadoop-"))], lib
    assert any(n.startswith("spark-core_2.13-") for n in spark)
    assert (unpacked / "plugins").is_dir()
    assert (unpacked / "conf" / "log4j2.properties").is_file()
    assert (unpacked / "conf" / "kindling-env.sh").is_file()
    assert (unpacked / "examples" / "README.md").is_file()
    assert (unpacked / "README.md").is_file()


def test_version_runs_without_spark_home_and_prints_nothing_else(unpacked):
    done = subprocess.run(
        [str(unpacked / "bin" / "kindling"), "version"],
        env=_env_without_spark(), capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Kindling {paths.kindling_home().name.removeprefix('kindling-')}"
    assert done.stderr == ""


def test_a_kernel_whose_connection_file_cannot_be_read_says_so_in_one_line(unpacked, tmp_path):
    missing = tmp_path / "kernel-gone.json"
    done = subprocess.run(
        [str(unpacked / "bin" / "kindling"), "kernel", "-f", str(missing)],
        env=_env_without_spark(), capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    said = done.stderr.splitlines()
    assert len(said) == 1 and said[0].startswith(
        f"kindling kernel: cannot read connection file {missing}"), done.stderr


def _install(unpacked: Path, kernel_name: str = "unpacked", plugins_dir: Path | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [
            str(unpacked / "bin" / "kindling"), "install", "--user",
            "--kernel-name", kernel_name, "--interpreters", "test",
            "--plugins-dir", str(plugins_dir or paths.test_plugins_dir()), "--spark-init", "lazy",
        ],
        env=_env_without_spark(), capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def installed(unpacked) -> dict:
    """`bin/kindling install --user` (JUPYTER_DATA_DIR is the test's temp dir) for the test
    language, class-data archive included."""
    done = _install(unpacked)
    return {"stdout": done.stdout, "kernels": Path(os.environ["JUPYTER_DATA_DIR"]) / "kernels"}


def test_install_writes_a_spec_that_calls_the_unpacked_launcher(unpacked, installed):
    assert "Installed unpacked_test (Kindling unpacked (test))" in installed["stdout"]
    spec = json.loads((installed["kernels"] / "unpacked_test" / "kernel.json").read_text())
    assert spec["argv"][:4] == [str(unpacked / "bin" / "kindling"), "kernel", "-f", "{connection_file}"]
    assert spec["interrupt_mode"] == "message"


def test_install_prepares_the_class_data_archive(unpacked, installed):
    assert "Prepared the class-data archive" in installed["stdout"], installed["stdout"]
    assert (unpacked / "lib" / "kindling.jsa").is_file()


def test_the_archive_holds_spark_sql_classes_for_the_first_spark_cell(unpacked, installed):
    listing = subprocess.run(
        [
            "java", "-Xshare:on", f"-XX:SharedArchiveFile={unpacked / 'lib' / 'kindling.jsa'}",
            "-XX:+PrintSharedArchiveAndExit", "-XX:+PrintSharedDictionary",
            "-cp", f"{unpacked / 'lib'}/*:{unpacked / 'spark'}/*",
        ],
        capture_output=True, text=True, timeout=120,
    ).stdout
    for name in ("org.apache.spark.SparkContext", "org.apache.spark.sql.catalyst.analysis.Analyzer",
                 "dev.kindling.kernel.handlers.KernelInfoRequestHandler"):
        assert f" {name} " in listing, name


def test_a_second_install_keeps_the_archive_that_still_fits(unpacked, installed):
    archive = unpacked / "lib" / "kindling.jsa"
    written = archive.stat().st_mtime_ns
    done = _install(unpacked)
    assert "Class-data archive for faster kernel start-up: up to date" in done.stdout, done.stdout
    assert archive.stat().st_mtime_ns == written


@pytest.fixture(scope="module")
def unpacked_kernel(installed, tmp_path_factory):
    target = Target("kindling", "unpacked_test", KindlingTestLanguage(), True)
    saved = {k: os.environ.pop(k) for k in ("SPARK_HOME", "SPARK_OPTS") if k in os.environ}
    session = KernelSession(target, tmp_path_factory.mktemp("logs"), name="unpacked")
    try:
        session.start()
        yield session
    finally:
        session.stop()
        os.environ.update(saved)


def test_a_kernel_from_the_unpacked_tarball_runs_cells(unpacked_kernel):
    ex = unpacked_kernel.execute("print from the tarball")
    assert ex.status == "ok", ex.describe()
    assert ex.stdout == "from the tarball\n"


def test_the_kernel_uses_the_archive_and_says_nothing_about_it(unpacked, unpacked_kernel):
    cmdline = Path(f"/proc/{unpacked_kernel.process.pid}/cmdline").read_bytes().split(b"\0")
    assert f"-XX:SharedArchiveFile={unpacked / 'lib' / 'kindling.jsa'}".encode() in cmdline
    stdio = (unpacked_kernel.log_dir / "kernel-stdio.txt").read_text()
    assert "cds" not in stdio.lower() and "sharing" not in stdio.lower(), stdio
    # Logging is bound before any thread of the kernel logs: no SLF4J warning about messages it
    # had to hold back and replay.
    assert "SLF4J" not in stdio, stdio


def test_spark_runs_from_the_bundled_jars(unpacked, unpacked_kernel):
    ex = unpacked_kernel.execute("spark-count 100", timeout=180)
    assert ex.status == "ok", ex.describe()
    assert ex.result_text == "100"
    cmdline = Path(f"/proc/{unpacked_kernel.process.pid}/cmdline").read_bytes().decode()
    assert f"{unpacked}/spark/*" in cmdline


def test_the_kernelspecs_command_line_is_read_without_picocli(installed, tmp_path, monkeypatch):
    """ADR 6: the line `kindling install` writes takes the plain reader (`KernelArguments`), since
    building picocli's model cost 0.1-0.19 s of every start. A class-loading log of a real launch
    through the installed kernelspec names no picocli class (it would, were the line declined)."""
    classes = tmp_path / "classes.txt"
    target = Target("kindling", "unpacked_test", KindlingTestLanguage(), True)
    monkeypatch.setenv("KINDLING_JAVA_OPTS", f"-Xlog:class+load=info:file={classes}")
    with KernelSession(target, tmp_path, name="no-picocli") as session:
        assert session.execute("print read").stdout == "read\n"
    loaded = classes.read_text()
    assert " dev.kindling.kernel.cli.KernelArguments " in loaded
    assert " picocli." not in loaded, [line for line in loaded.splitlines() if " picocli." in line][:5]


def test_an_unusable_archive_is_ignored_silently(installed, tmp_path):
    bogus = tmp_path / "bogus.jsa"
    bogus.write_bytes(os.urandom(64 * 1024))  # not an archive at all
    target = Target("kindling", "unpacked_test", KindlingTestLanguage(), True)
    os.environ["KINDLING_CDS_ARCHIVE"] = str(bogus)
    try:
        with KernelSession(target, tmp_path, name="bogus-archive") as session:
            ex = session.execute("print started anyway")
            assert ex.stdout == "started anyway\n", ex.describe()
            stdio = (session.log_dir / "kernel-stdio.txt").read_text()
            assert "cds" not in stdio.lower() and "sharing" not in stdio.lower(), stdio
            assert "SLF4J" not in stdio, stdio  # without the archive's head start, too
    finally:
        del os.environ["KINDLING_CDS_ARCHIVE"]


def test_a_kernel_prunes_the_plugin_cache_but_keeps_what_is_in_use(unpacked, installed, tmp_path):
    """The shared plugin cache, through a kernel a Jupyter client starts: half a minute after
    start the kernel deletes an older copy of a zip it loads and a staging directory a dead kernel
    left, and keeps its own entry and another installation's."""
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    shutil.copy(next(paths.test_plugins_dir().glob("*.jar")), plugins)
    shutil.copy(next((unpacked / "plugins").glob("kindling-magics-builtin-*.zip")), plugins)
    _install(unpacked, kernel_name="pruning", plugins_dir=plugins)
    cache = tmp_path / "cache"
    target = Target("kindling", "pruning_test", KindlingTestLanguage(), True)
    os.environ["KINDLING_JAVA_OPTS"] = f"-Dkindling.plugin.cache={cache}"
    try:
        with KernelSession(target, tmp_path, name="filling") as session:
            assert session.execute("print cached").status == "ok"
        (current,) = [p for p in cache.iterdir() if p.is_dir()]
        stem = re.fullmatch(r"(.+)-\d+-\d+", current.name).group(1)
        hour_ago = time.time() - 3600

        def copy_of_current(name: str, source: str | None = None) -> Path:
            copy = cache / name
            shutil.copytree(current, copy)
            if source is not None:
                (copy / ".kindling-source").write_text(source)
            lock = cache / (name + ".lock")
            lock.touch()
            os.utime(lock, (hour_ago, hour_ago))
            return copy

        replaced = copy_of_current(f"{stem}-1-1")
        other_installation = copy_of_current(f"{stem}-2-2", source="/elsewhere/plugins/other.zip")
        abandoned = cache / ".unpacking-123"
        abandoned.mkdir()
        os.utime(abandoned, (hour_ago - 3600, hour_ago - 3600))

        with KernelSession(target, tmp_path, name="pruning") as session:
            wait_until(lambda: not replaced.exists() and not abandoned.exists(), 90, "the cache pruned")
            assert current.is_dir() and other_installation.is_dir()
            assert session.execute("print still running").stdout == "still running\n"
    finally:
        del os.environ["KINDLING_JAVA_OPTS"]
