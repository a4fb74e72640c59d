"""Kernels for the Spark suites: the test kernelspec with other Spark options or environment.

``spark_target("name", "--spark-init", "eager", env={...})`` writes kernelspec ``name`` into the
isolated Jupyter dir and returns a Target for it. Helpers read the progress display and results.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from . import target as target_module
from .jupyter_env import kindling_kernelspec


def spark_target(kernel_name: str, *args: str, env: dict | None = None) -> target_module.Target:
    spec_dir = Path(os.environ["JUPYTER_PATH"]) / "kernels" / kernel_name
    spec_dir.mkdir(parents=True, exist_ok=True)
    spec = kindling_kernelspec(spark_args=tuple(args), env=env)
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=2))
    return dataclasses.replace(target_module.KINDLING, kernel_name=kernel_name)


def pyspark_home() -> Path:
    """The pip-installed pyspark package: a Spark installation (bin/spark-submit, jars/)."""
    import pyspark  # noqa: PLC0415 - only the SPARK_HOME suite needs it

    return Path(pyspark.__file__).resolve().parent


def text(msg: dict) -> str:
    return msg["content"].get("data", {}).get("text/plain", "")


def progress_messages(iopub: list[dict]) -> list[dict]:
    """display_data / update_display_data of the Spark progress display, in order."""
    return [
        m
        for m in iopub
        if m["header"]["msg_type"] in ("display_data", "update_display_data")
        and text(m).startswith("Spark: jobs")
    ]

