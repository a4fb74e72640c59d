"""Locations of the repository, the Kindling distribution and the test plugin."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


class KindlingNotBuilt(RuntimeError):
    """The distribution or the test plugin is missing: the Maven build has not run."""


def kindling_home() -> Path:
    """The unpacked distribution: $KINDLING_HOME, else distribution/target/kindling-*/."""
    override = os.environ.get("KINDLING_HOME")
    if override:
        return Path(override).resolve()
    candidates = sorted(
        p for p in (REPO_ROOT / "distribution" / "target").glob("kindling-*") if p.is_dir()
    )
    if candidates:
        return candidates[-1]
    return REPO_ROOT / "distribution" / "target" / "kindling-0.1.0-SNAPSHOT"


def test_plugins_dir() -> Path:
    """The directory holding the test-only interpreter plugin."""
    override = os.environ.get("KINDLING_TEST_PLUGINS")
    if override:
        return Path(override).resolve()
    return REPO_ROOT / "kernel-core" / "target" / "test-plugins"


def pyspark_plugins_dir() -> Path | None:
    """A plugins directory for the PySpark kernelspec ($KINDLING_PYSPARK_PLUGINS), or None for the
    distribution's own plugins/ (PySpark, Scala for %%scala cells, the built-in magics)."""
    override = os.environ.get("KINDLING_PYSPARK_PLUGINS")
    if override:
        return Path(override).resolve()
    return None


def venv_python() -> Path:
    """The Python of the test venv (ipykernel, pyspark): the interpreter running the tests."""
    return Path(sys.executable)


def launcher() -> Path:
    return kindling_home() / "bin" / "kindling"


def check_built() -> None:
    """Raise KindlingNotBuilt with an actionable message if the kernel cannot be launched."""
    problems = []
    if not os.access(launcher(), os.X_OK):
        problems.append(f"no executable launcher at {launcher()}")
    plugins = test_plugins_dir()
    if not plugins.is_dir() or not any(plugins.iterdir()):
        problems.append(f"no test plugin in {plugins}")
    if problems:
        raise KindlingNotBuilt(
            "Kindling is not built: "
            + "; ".join(problems)
            + ". Run ./mvnw -B verify first, or set KINDLING_HOME and KINDLING_TEST_PLUGINS."
        )


def tarball() -> Path:
    """The distribution tarball beside the unpacked distribution (kindling-VERSION.tar.gz)."""
    home = kindling_home()
    return home.parent / f"{home.name}.tar.gz"
