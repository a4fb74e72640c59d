"""A notebook run by nbclient (what `jupyter execute` and papermill use)."""

from __future__ import annotations

import time

import nbformat
from nbclient import NotebookClient


def test_notebook_runs_with_nbclient(target, dialect):
    d = dialect
    v4 = nbformat.v4
    cells = []
    if d.prelude:
        cells.append(v4.new_code_cell(d.prelude))
    first = len(cells)
    cells += [
        v4.new_code_cell(d.print("hello from a notebook")),
        v4.new_code_cell(d.value("forty-two")),
        v4.new_code_cell(d.html("<b>bold</b>")),
        v4.new_code_cell(d.update("bar", "0%")),
        v4.new_code_cell(d.update("bar", "100%")),
        v4.new_code_cell(d.error("expected"), metadata={"tags": ["raises-exception"]}),
        v4.new_code_cell(d.print("after the error")),
    ]
    nb = v4.new_notebook(cells=cells)
    client = NotebookClient(nb, kernel_name=target.kernel_name, timeout=60, startup_timeout=60)
    started = time.monotonic()
    client.execute()
    elapsed = time.monotonic() - started

    c = nb.cells[first:]
    assert nb.metadata["language_info"]["name"] == d.language_name
    assert c[0].outputs[0].output_type == "stream" and c[0].outputs[0].text == "hello from a notebook\n"
    assert c[1].outputs[0].output_type == "execute_result"
    assert c[1].outputs[0].data["text/plain"] == "forty-two"
    assert c[2].outputs[0].output_type == "display_data" and c[2].outputs[0].data["text/html"] == "<b>bold</b>"
    # update_display_data rewrote the output of the earlier cell in place
    assert c[3].outputs[0].data["text/plain"] == "100%"
    assert c[4].outputs == []
    assert c[5].outputs[0].output_type == "error" and c[5].outputs[0].ename == d.error_name
    assert c[6].outputs[0].text == "after the error\n"
    for cell in c:
        timing = cell.metadata.get("execution", {})
        assert "iopub.status.idle" in timing, f"nbclient did not see idle for {cell.source!r}"
    nbformat.validate(nb)
    # A missing idle costs nbclient 4 s per cell; everything here is instant.
    assert elapsed < 30, f"notebook took {elapsed:.1f} s"
