#!/usr/bin/env python3
"""The Scala interpreter's responsiveness: a measurement, not a test.

    ./mvnw -B package -DskipTests && .venv/bin/python bench/bench_scala.py [--launches 3] [--iterations 100]

- first result: from KernelManager.start_kernel() to the execute_result of the first ``1+1``
  (sent as soon as kernel_info is answered), over N launches;
- warm round trip: ``1+1`` sent until its execute_reply and idle arrived, p50 and p90 over N
  iterations, measured once after each --warmup level (50 and 300 cells run before the window).
  The JIT is still compiling the Scala compiler after 50 cells, so both are shown.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from harness.jupyter_env import IsolatedJupyter  # noqa: E402
from harness.kernel import KernelSession  # noqa: E402
from harness.target import SCALA  # noqa: E402


def first_result(log_root: Path) -> tuple[float, KernelSession]:
    session = KernelSession(SCALA, log_root, name="bench")
    started = time.monotonic()
    session.start(ready_timeout=60)
    ex = session.execute("1+1", timeout=120)
    assert ex.result_text == "2", ex.describe()
    return ex.reply_at - started, session


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--launches", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument(
        "--warmup", default="50,300", help="cells run before each measured window, comma-separated"
    )
    args = parser.parse_args()
    with IsolatedJupyter(), tempfile.TemporaryDirectory() as logs:
        firsts = []
        session = None
        for _ in range(args.launches):
            if session is not None:
                session.stop()
            seconds, session = first_result(Path(logs))
            firsts.append(seconds)
        windows = {}
        cells_run = 0
        for level in sorted(int(n) for n in args.warmup.split(",")):
            for _ in range(level - cells_run):
                session.execute("1+1")
            cells_run = max(level, cells_run)
            trips = []
            for _ in range(args.iterations):
                ex = session.execute("1+1")
                trips.append(ex.idle_at - ex.sent_at)
            cells_run += args.iterations
            windows[level] = trips
        session.stop()
    print("| figure | value |")
    print("|---|---|")
    print(f"| launch to first `1+1` result, median of {len(firsts)} | {statistics.median(firsts):.2f} s |")
    print(f"| launch to first `1+1` result, each | {', '.join(f'{s:.2f}' for s in firsts)} s |")
    for level, trips in windows.items():
        p50, p90 = percentile(trips, 0.5) * 1000, percentile(trips, 0.9) * 1000
        print(f"| warm `1+1` round trip after {level} cells, p50 (p90) | {p50:.1f} ({p90:.1f}) ms |")


if __name__ == "__main__":
    main()
