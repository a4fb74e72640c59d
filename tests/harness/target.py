"""Which kernel the suites run against.

KINDLING_E2E_KERNEL=kindling (default) runs the Kindling distribution with the test plugin.
KINDLING_E2E_KERNEL=ipykernel runs the venv's ipykernel (kernelspec ``python3``) instead: the
protocol-level tests then check the harness itself against a reference kernel, and tests of
behaviour only Kindling has are skipped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from . import paths
from .dialect import Dialect, KindlingTestLanguage, PythonLanguage, RLanguage, ScalaLanguage
from .jupyter_env import (
    KINDLING_KERNEL_NAME,
    PYSPARK_KERNEL_NAME,
    SCALA_KERNEL_NAME,
    SQL_KERNEL_NAME,
    SPARKR_KERNEL_NAME,
)


@dataclass(frozen=True)
class Target:
    name: str  # "kindling" or "ipykernel"
    kernel_name: str  # kernelspec name
    dialect: Dialect
    message_interrupts: bool  # kernelspec interrupt_mode "message"

    @property
    def is_kindling(self) -> bool:
        return self.name == "kindling"

    def check_available(self) -> None:
        if self.is_kindling:
            paths.check_built()


KINDLING = Target("kindling", KINDLING_KERNEL_NAME, KindlingTestLanguage(), True)
# The PySpark kernelspec: Python cells through Kindling (the dialect is Python's).
KINDLING_PYSPARK = Target("kindling", PYSPARK_KERNEL_NAME, PythonLanguage(), True)
IPYKERNEL = Target("ipykernel", "python3", PythonLanguage(), False)
# The distribution with its own plugins and Scala as the default interpreter (tests/e2e/test_scala.py,
# tests/conformance/test_scala_kernel.py); not selectable with KINDLING_E2E_KERNEL.
SCALA = Target("kindling", SCALA_KERNEL_NAME, ScalaLanguage(), True)
# The SparkR kernelspec: R cells through Kindling (tests/e2e/test_sparkr.py).
KINDLING_SPARKR = Target("kindling", SPARKR_KERNEL_NAME, RLanguage(), True)

# The distribution with the SQL interpreter as default (tests/e2e/test_sql.py,
# tests/conformance/test_sql_kernel_test.py); cells are SQL, so no dialect helpers apply.
SQL = Target("kindling", SQL_KERNEL_NAME, Dialect(), True)


def selected() -> Target:
    choice = os.environ.get("KINDLING_E2E_KERNEL", "kindling").strip().lower()
    if choice in ("kindling", "kindling_test", ""):
        return KINDLING
    if choice in ("ipykernel", "python3", "python"):
        return IPYKERNEL
    raise ValueError(f"KINDLING_E2E_KERNEL must be 'kindling' or 'ipykernel', not {choice!r}")
