"""Fixtures shared by the end-to-end, conformance and fuzz suites.

At start-up the Jupyter environment is pointed at a temp dir holding the ``kindling_test``
kernelspec (see harness.jupyter_env), so nothing touches the user's real Jupyter directories.
Set KINDLING_E2E_KERNEL=ipykernel to run the language-independent tests against ipykernel.
"""

from __future__ import annotations

import pytest

from harness import kernel as kernel_module
from harness import paths, target as target_module
from harness.jupyter_env import IsolatedJupyter
from harness.kernel import KernelSession

_jupyter: IsolatedJupyter | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _jupyter
    _jupyter = IsolatedJupyter()
    _jupyter.open()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _jupyter is not None:
        _jupyter.close()


def pytest_report_header(config: pytest.Config) -> list[str]:
    t = target_module.selected()
    lines = [f"kernel under test: {t.name} (kernelspec {t.kernel_name})"]
    if t.is_kindling:
        lines.append(f"KINDLING_HOME={paths.kindling_home()}")
        lines.append(f"KINDLING_TEST_PLUGINS={paths.test_plugins_dir()}")
    if _jupyter is not None:
        lines.append(f"isolated Jupyter dirs and kernel logs under {_jupyter.base}")
    return lines


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("kindling_only") and not target_module.selected().is_kindling:
        pytest.skip("behaviour specific to the Kindling test kernel")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    report = yield
    if report.failed and kernel_module.RECENT_SESSIONS:
        for session in kernel_module.RECENT_SESSIONS:
            if session.kc is None:  # stopped: belongs to an earlier test or module
                continue
            report.sections.append((f"kernel log {session.log_dir.name}", session.log_tail(40)))
    return report


@pytest.fixture(scope="session")
def target() -> target_module.Target:
    t = target_module.selected()
    try:
        t.check_available()
    except paths.KindlingNotBuilt as e:
        pytest.fail(str(e), pytrace=False)
    return t


@pytest.fixture(scope="session")
def dialect(target):
    return target.dialect


@pytest.fixture(scope="module")
def shared_kernel(target, tmp_path_factory):
    """One kernel for a whole test module (tests that leave it in a normal state)."""
    session = KernelSession(target, tmp_path_factory.mktemp("logs"), name="shared")
    session.start()
    yield session
    session.stop()


@pytest.fixture
def kernel(shared_kernel, target, tmp_path_factory):
    """The module's kernel, with everything earlier tests left behind forgotten.

    If an earlier test killed it, a new one is started, so one failure does not cascade.
    """
    if not shared_kernel.is_alive():
        shared_kernel.stop()
        shared_kernel.start()
    else:
        shared_kernel.forget()
    return shared_kernel


@pytest.fixture
def new_kernel(target, tmp_path):
    """A factory for kernels of the test's own; all are stopped at the end of the test."""
    started: list[KernelSession] = []

    def start(**kw) -> KernelSession:
        session = KernelSession(target, tmp_path, name="fresh")
        started.append(session)
        return session.start(**kw)

    yield start
    for session in started:
        session.stop()
