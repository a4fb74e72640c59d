"""An isolated Jupyter environment: kernelspecs, runtime and config dirs in a temp dir.

Nothing is written to the user's real Jupyter directories. The ``kindling_test`` kernelspec runs
the distribution's launcher with the test plugin; ``kindling_scala`` runs it with the
distribution's own plugins and the Scala interpreter as default; ``kindling_pyspark`` with the
distribution's plugins (or $KINDLING_PYSPARK_PLUGINS), PySpark as default and the venv's Python;
``kindling_sql`` with the distribution's own plugins and the SQL interpreter as default;
``kindling_sparkr`` with the distribution's plugins and the SparkR interpreter as default;
``python3`` resolves to the venv's ipykernel.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from . import paths

KINDLING_KERNEL_NAME = "kindling_test"
SCALA_KERNEL_NAME = "kindling_scala"
PYSPARK_KERNEL_NAME = "kindling_pyspark"
SQL_KERNEL_NAME = "kindling_sql"
SPARKR_KERNEL_NAME = "kindling_sparkr"

_ENV_KEYS = (
    "JUPYTER_PATH",
    "JUPYTER_DATA_DIR",
    "JUPYTER_RUNTIME_DIR",
    "JUPYTER_CONFIG_DIR",
    "IPYTHONDIR",
    "KINDLING_LOG_DIR",
)


def kindling_kernelspec(
    spark_args: tuple[str, ...] = ("--spark-init", "lazy"), env: dict | None = None
) -> dict:
    """The test kernelspec. Spark starts lazily by default, so suites that never touch Spark do
    not pay for a session; the Spark suites write their own kernelspecs (harness.spark)."""
    return {
        "argv": [
            str(paths.launcher()),
            "kernel",
            "-f",
            "{connection_file}",
            "--plugins-dir",
            str(paths.test_plugins_dir()),
            "--default-interpreter",
            "test",
            *spark_args,
        ],
        "display_name": "Kindling (test language)",
        "language": "kindling-test",
        "interrupt_mode": "message",
        "env": env or {},
        "metadata": {},
    }


def kindling_scala_kernelspec() -> dict:
    return {
        "argv": [
            str(paths.launcher()),
            "kernel",
            "-f",
            "{connection_file}",
            "--default-interpreter",
            "Scala",
            # %%pyspark cells: the venv's Python, as `kindling install --python` writes it
            "--conf",
            f"kindling.python={paths.venv_python()}",
        ],
        "display_name": "Kindling (Scala)",
        "language": "scala",
        "interrupt_mode": "message",
        "env": {},
        "metadata": {},
    }


def _plugins_dir_args(directory: Path | None) -> list[str]:
    return ["--plugins-dir", str(directory)] if directory else []


def sql_kernelspec() -> dict:
    """Kindling (SQL): every cell is Spark SQL (the distribution's plugins, local[2])."""
    return {
        "argv": [
            str(paths.launcher()),
            "kernel",
            "-f",
            "{connection_file}",
            "--default-interpreter",
            "SQL",
            "--conf",
            "spark.master=local[2]",
        ],
        "display_name": "Kindling (SQL)",
        "language": "sql",
        "interrupt_mode": "message",
        "env": {},
        "metadata": {},
    }


def pyspark_kernelspec(
    python: str | None = None, env: dict | None = None, master: str = "local[2]", conf: dict | None = None
) -> dict:
    """Kindling (PySpark): the PySpark plugin as default interpreter, with the venv's Python
    (ipykernel and pyspark installed) unless another ``python`` is given, on ``master`` with
    ``conf``'s further Spark settings."""
    return {
        "argv": [
            str(paths.launcher()),
            "kernel",
            "-f",
            "{connection_file}",
            "--default-interpreter",
            "PySpark",
            *_plugins_dir_args(paths.pyspark_plugins_dir()),
            "--conf",
            f"kindling.python={python or paths.venv_python()}",
            "--conf",
            f"spark.master={master}",
            *[arg for key, value in (conf or {}).items() for arg in ("--conf", f"{key}={value}")],
        ],
        "display_name": "Kindling (PySpark)",
        "language": "python",
        "interrupt_mode": "message",
        "env": env or {},
        "metadata": {},
    }


def sparkr_kernelspec(r: str | None = None, env: dict | None = None) -> dict:
    """Kindling (SparkR): the distribution's plugins (SparkR, Scala, PySpark) with SparkR as the
    default interpreter, running ``R`` from the PATH unless another ``r`` is given."""
    return {
        "argv": [
            str(paths.launcher()),
            "kernel",
            "-f",
            "{connection_file}",
            "--default-interpreter",
            "SparkR",
            "--conf",
            f"kindling.r={r or 'R'}",
            "--conf",
            "spark.master=local[2]",
        ],
        "display_name": "Kindling (SparkR)",
        "language": "R",
        "interrupt_mode": "message",
        "env": env or {},
        "metadata": {},
    }


def write_kernelspec(kernels_dir: Path, name: str, spec: dict) -> None:
    spec_dir = kernels_dir / name
    spec_dir.mkdir(parents=True, exist_ok=True)
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=2))


class IsolatedJupyter:
    """Points the Jupyter environment variables at a fresh temp dir; restores them on close."""

    def __init__(self, base: Path | None = None) -> None:
        self._owned = base is None
        self.base = Path(base or tempfile.mkdtemp(prefix="kindling-e2e-"))
        self.kernels_dir = self.base / "jupyter" / "kernels"
        self.log_dir = self.base / "kernel-logs"
        self._saved: dict[str, str | None] = {}

    def __enter__(self) -> "IsolatedJupyter":
        self.open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def open(self) -> None:
        for name, spec in (
            (KINDLING_KERNEL_NAME, kindling_kernelspec()),
            (SCALA_KERNEL_NAME, kindling_scala_kernelspec()),
            (PYSPARK_KERNEL_NAME, pyspark_kernelspec()),
            (SQL_KERNEL_NAME, sql_kernelspec()),
            (SPARKR_KERNEL_NAME, sparkr_kernelspec()),
        ):
            write_kernelspec(self.kernels_dir, name, spec)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        values = {
            "JUPYTER_PATH": str(self.base / "jupyter"),
            "JUPYTER_DATA_DIR": str(self.base / "data"),
            "JUPYTER_RUNTIME_DIR": str(self.base / "runtime"),
            "JUPYTER_CONFIG_DIR": str(self.base / "config"),
            "IPYTHONDIR": str(self.base / "ipython"),
            "KINDLING_LOG_DIR": str(self.log_dir),
        }
        for key in _ENV_KEYS:
            self._saved[key] = os.environ.get(key)
            os.environ[key] = values[key]

    def close(self) -> None:
        for key, old in self._saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old
        self._saved.clear()
        if self._owned and not os.environ.get("KINDLING_KEEP_TMP"):
            shutil.rmtree(self.base, ignore_errors=True)
