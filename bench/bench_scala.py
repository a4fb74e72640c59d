#!/usr/bin/env python3
"""The Scala interpreter's responsiveness: a measurement, not a test.

    ./mvnw -B package -DskipTests && .venv/bin/python bench/bench_scala.py [--launches 3] [--iterations 100]

- first result: from KernelManager.start_kernel() to the execute_result of the first ``1+1``
  (sent as soon as kernel_info is answered), over N launches;
- warm round trip: ``1+1`` sent until its execute_reply and idle arrived, p50 and p90 over N
  iterations after --warmup (50) warm-up cells.
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
    parser.add_argument("--warmup", type=int, default=50)
    args = parser.parse_args()
    with IsolatedJupyter(), tempfile.TemporaryDirectory() as logs:
        firsts = []
        session = None
        for _ in range(args.launches):
            if session is not None:
                session.stop()
            seconds, session = first_result(Path(logs))
            firsts.append(seconds)
        for _ in range(args.warmup):
            session.execute("1+1")
        trips = []
        for _ in range(args.iterations):
            ex = session.execute("1+1")
            trips.append(ex.idle_at - ex.sent_at)
        session.stop()
    print("| figure | value |")
    print("|---|---|")
    print(f"| launch to first `1+1` result, median of {len(firsts)} | {statistics.median(firsts):.2f} s |")
    print(f"| launch to first `1+1` result, each | {', '.join(f'{s:.2f}' for s in firsts)} s |")
    print(f"| warm `1+1` round trip p50 | {percentile(trips, 0.5) * 1000:.1f} ms |")
    print(f"| warm `1+1` round trip p90 | {percentile(trips, 0.9) * 1000:.1f} ms |")


if __name__ == "__main__":
    main()
