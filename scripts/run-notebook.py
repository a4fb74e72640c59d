#!/usr/bin/env python3
"""Executes a notebook headless and prints each code cell's outputs as text (./run NOTEBOOK).

Usage: run-notebook.py NOTEBOOK.ipynb [KERNEL]
KERNEL defaults to the notebook's own kernelspec. Exits 1 when a cell fails, 2 on bad usage.
KINDLING_CELL_TIMEOUT (seconds, default 600) bounds each cell.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def output_text(output: dict) -> str:
    kind = output.get("output_type")
    if kind == "stream":
        return output.get("text", "")
    if kind in ("execute_result", "display_data"):
        data = output.get("data", {})
        text = data.get("text/plain")
        if text is None:
            return "[" + ", ".join(sorted(data)) + "]\n"
        return text if text.endswith("\n") else text + "\n"
    if kind == "error":
        lines = [f"{output.get('ename')}: {output.get('evalue')}"]
        lines += [line for line in output.get("traceback", []) if line.strip()]
        return "\n".join(lines) + "\n"
    return ""


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or not argv[1].endswith(".ipynb"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path = Path(argv[1]).resolve()
    notebook = nbformat.read(path, as_version=4)
    kernel = argv[2] if len(argv) == 3 else notebook.metadata.get("kernelspec", {}).get("name")
    if not kernel:
        print("run: the notebook names no kernel; give one: ./run NOTEBOOK KERNEL", file=sys.stderr)
        return 2
    try:
        KernelSpecManager().get_kernel_spec(kernel)
    except NoSuchKernel:
        known = ", ".join(sorted(KernelSpecManager().find_kernel_specs()))
        print(f"run: no kernel named {kernel!r} (installed: {known})", file=sys.stderr)
        return 2

    client = NotebookClient(
        notebook,
        kernel_name=kernel,
        timeout=int(os.environ.get("KINDLING_CELL_TIMEOUT", "600")),
        resources={"metadata": {"path": str(path.parent)}},
    )
    print(f"run: executing {path.name} with kernel {kernel}", flush=True)
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            print(f"--- cell {index + 1} ---", flush=True)
            try:
                client.execute_cell(cell, index)
            except CellExecutionError:
                sys.stdout.write("".join(output_text(o) for o in cell.outputs))
                print(f"run: cell {index + 1} failed", file=sys.stderr)
                return 1
            sys.stdout.write("".join(output_text(o) for o in cell.outputs))
            sys.stdout.flush()
    print("run: all cells ran", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
