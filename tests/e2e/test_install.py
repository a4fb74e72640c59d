"""`kindling install` / `uninstall` as `jupyter kernelspec list` (the real CLI) sees them.

Everything goes into temp dirs: --prefix DIR, or --user with JUPYTER_DATA_DIR pointing at the
test's isolated Jupyter dir; never the real ~/.local/share/jupyter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from harness import paths

pytestmark = pytest.mark.kindling_only

JUPYTER = Path(sys.executable).parent / "jupyter"
SHIPPED = {
    "kindling_scala": ("Kindling (Scala)", "scala"),
    "kindling_pyspark": ("Kindling (PySpark)", "python"),
    "kindling_sparkr": ("Kindling (SparkR)", "R"),
    "kindling_sql": ("Kindling (SQL)", "sql"),
}


def kindling(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(paths.launcher()), *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})},
    )
    return done


def kernelspecs(env: dict | None = None) -> dict:
    done = subprocess.run(
        [str(JUPYTER), "kernelspec", "list", "--json"], capture_output=True, text=True, timeout=60,
        env={**os.environ, **(env or {})}, check=True,
    )
    return json.loads(done.stdout)["kernelspecs"]


def test_install_with_a_prefix_shows_four_kernels_in_jupyter(tmp_path):
    done = kindling("install", "--prefix", str(tmp_path), "--no-cds")
    assert done.returncode == 0, done.stderr

    found = kernelspecs({"JUPYTER_PATH": str(tmp_path / "share" / "jupyter")})

    for name, (display, language) in SHIPPED.items():
        assert name in found, sorted(found)
        # The one just written (./run may have put specs of the same names into .venv too).
        assert Path(found[name]["resource_dir"]).is_relative_to(tmp_path)
        spec = found[name]["spec"]
        assert (spec["display_name"], spec["language"]) == (display, language)
        assert spec["interrupt_mode"] == "message"
        assert spec["argv"][0] == str(paths.launcher())
        resources = Path(found[name]["resource_dir"])
        assert (resources / "logo-32x32.png").is_file() and (resources / "logo-64x64.png").is_file()
    assert found["kindling_sql"]["spec"]["argv"][-2:] == ["--default-interpreter", "SQL"]


def test_user_install_follows_jupyter_data_dir_and_uninstall_removes_only_kindling(tmp_path):
    env = {"JUPYTER_DATA_DIR": str(tmp_path / "data")}
    installed = kindling("install", "--user", "--interpreters", "Scala,SQL", "--kernel-name", "mine",
                         "--no-cds", env=env)
    assert installed.returncode == 0, installed.stderr
    foreign = tmp_path / "data" / "kernels" / "other"
    foreign.mkdir(parents=True)
    (foreign / "kernel.json").write_text(json.dumps({"argv": ["other", "{connection_file}"],
                                                     "display_name": "Other", "language": "x"}))
    before = kernelspecs(env)
    assert {"mine_scala", "mine_sql", "other"} <= set(before)
    assert before["mine_scala"]["spec"]["display_name"] == "Kindling mine (Scala)"

    done = kindling("uninstall", "--user", env=env)

    assert done.returncode == 0, done.stderr
    assert "Removed mine_scala" in done.stdout and "Removed mine_sql" in done.stdout
    left = kernelspecs(env)
    assert "mine_scala" not in left and "mine_sql" not in left
    assert "other" in left


def test_reinstalling_replaces_the_old_spec_with_the_new_settings(tmp_path):
    env = {"JUPYTER_PATH": str(tmp_path / "share" / "jupyter")}
    kindling("install", "--prefix", str(tmp_path), "--interpreters", "Scala", "--no-cds",
             "--spark-opts", "--master local[2]")
    done = kindling("install", "--prefix", str(tmp_path), "--interpreters", "Scala", "--no-cds",
                    "--spark-opts", "--master local[3]", "--spark-home", str(tmp_path / "spark"),
                    "--python", "/opt/env/bin/python")
    assert done.returncode == 0, done.stderr

    found = kernelspecs(env)["kindling_scala"]
    assert Path(found["resource_dir"]).is_relative_to(tmp_path)
    spec = found["spec"]
    assert spec["env"] == {
        "SPARK_OPTS": "--master local[3]",
        "SPARK_HOME": str(tmp_path / "spark"),
        "PYSPARK_PYTHON": "/opt/env/bin/python",
    }
    assert "kindling.python=/opt/env/bin/python" in spec["argv"]


def test_a_kernelspec_kindling_did_not_write_is_kept_unless_replace_is_given(tmp_path):
    theirs = tmp_path / "share" / "jupyter" / "kernels" / "kindling_scala"
    theirs.mkdir(parents=True)
    (theirs / "kernel.json").write_text('{"argv": ["theirs"], "display_name": "Theirs", "language": "scala"}')

    refused = kindling("install", "--prefix", str(tmp_path), "--interpreters", "Scala", "--no-cds")
    assert refused.returncode == 1
    assert "pass --replace" in refused.stderr
    assert "theirs" in (theirs / "kernel.json").read_text()

    replaced = kindling("install", "--prefix", str(tmp_path), "--interpreters", "Scala", "--no-cds", "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert json.loads((theirs / "kernel.json").read_text())["display_name"] == "Kindling (Scala)"


def test_sys_prefix_installs_into_the_environment_of_the_given_python(tmp_path):
    env_dir = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True, timeout=120)
    python = env_dir / "bin" / "python"

    done = kindling("install", "--sys-prefix", "--python", str(python), "--interpreters", "PySpark", "--no-cds")

    assert done.returncode == 0, done.stderr
    spec = json.loads((env_dir / "share/jupyter/kernels/kindling_pyspark/kernel.json").read_text())
    assert spec["env"]["PYSPARK_PYTHON"] == str(python)
