"""The example notebooks in examples/ run headless with `jupyter execute`, as a user would, on the
Kindling (Scala) kernel, and their outputs are what the text around them promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from harness import paths
from harness.target import SCALA

pytestmark = pytest.mark.kindling_only

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
VEGA_LITE = "application/vnd.vegalite.v5+json"


def execute(name: str, tmp_path: Path) -> list:
    """Runs examples/NAME.ipynb with `jupyter execute` and returns its code cells, executed."""
    SCALA.check_available()
    out = tmp_path / f"{name}.ipynb"
    jupyter = Path(sys.executable).with_name("jupyter")
    run = subprocess.run(
        [str(jupyter), "execute", str(EXAMPLES / f"{name}.ipynb"), "--output", str(out), "--timeout", "300"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, f"jupyter execute failed:\n{run.stdout}\n{run.stderr}"
    nb = nbformat.read(out, as_version=4)
    nbformat.validate(nb)
    cells = [c for c in nb.cells if c.cell_type == "code"]
    for cell in cells:
        assert not [o for o in cell.outputs if o.output_type == "error"], (cell.source, cell.outputs)
    return cells


def data(cell, mime: str) -> list:
    return [o["data"][mime] for o in cell.outputs if mime in o.get("data", {})]


def text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream") + "".join(
        data(cell, "text/plain")
    )


def test_the_tour(tmp_path):
    frame, sql, chart, python, shared, big = execute("tour", tmp_path)
    assert any("<table" in html for html in data(frame, "text/html"))
    assert "<td>Grace</td>" in "".join(data(sql, "text/html")) and "Linus" not in "".join(data(sql, "text/html"))
    [spec] = data(chart, VEGA_LITE)
    assert spec["mark"] in ("bar", {"type": "bar"}) or spec["mark"].get("type") == "bar"
    assert {"name": "Ada", "age": 36} in spec["data"]["values"]
    assert "the oldest is Grace" in text(python)
    assert "Grace" in text(shared)
    assert "199999990000000" in text(big)
    progress = [t for t in data(big, "text/plain") if t.startswith("Spark: jobs")]
    assert len(progress) == 1 and progress[0].endswith("- done"), big.outputs


def test_the_magics_notebook(tmp_path):
    lsmagic, help_, html, markdown, shell, timed, sql, kept = execute("magics", tmp_path)
    listing = text(lsmagic).lower()
    assert all(name in listing for name in ("sql", "sh", "time", "html"))
    assert "--limit" in text(help_)
    assert data(html, "text/html") == ["<b>Kindling</b> renders <i>HTML</i>"]
    assert "**Markdown**" in data(markdown, "text/markdown")[0]
    assert "hello from the shell" in text(shell)
    assert "Wall time" in text(timed) and "1000000" in text(timed)
    assert "<table" in "".join(data(sql, "text/html"))
    assert "10" in text(kept)


def test_the_comms_notebook(tmp_path):
    register, call, opened, widget = execute("comms", tmp_path)
    assert "385" in text(call)
    assert "true" in text(opened)
    assert data(widget, "application/vnd.jupyter.widget-view+json"), widget.outputs
