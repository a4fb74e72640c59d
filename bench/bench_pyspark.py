"""PySpark through Kindling against ipykernel directly, in one run (issue 4). A measurement, not a
test: nothing fails on a slow figure.

- warm ``1+1``: execute_request sent -> execute_reply and idle received, after a warm-up, on the
  ``kindling_pyspark`` kernelspec (Kindling proxying an ipykernel child) and on the venv's
  ``python3`` kernelspec (ipykernel itself). The difference is the proxy's overhead.
- launch to first PySpark result: ``start_kernel()`` called -> the reply of the first
  ``spark.range(10).count()`` received (JVM start, Spark start, ipykernel child start and the
  bootstrap, in parallel where they can be).

    .venv/bin/python bench/bench_pyspark.py [--iterations 500] [--warmup 100] [--launches 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))

from bench_kernel import summary, wait_idle, wait_reply  # noqa: E402
from harness.jupyter_env import PYSPARK_KERNEL_NAME, IsolatedJupyter  # noqa: E402


def started(kernel_name: str, log: Path):
    km = KernelManager(kernel_name=kernel_name)
    out = open(log, "ab")
    km.start_kernel(stdout=out, stderr=out)
    kc = km.client()
    kc.start_channels()
    return km, kc, out


def execute(kc, code: str, timeout: float = 300) -> dict:
    msg_id = kc.execute(code, store_history=False)
    reply = wait_reply(kc, msg_id, timeout)
    wait_idle(kc, msg_id, timeout)
    return reply


def warm_one_plus_one(kernel_name: str, log: Path, iterations: int, warmup: int) -> dict:
    km, kc, out = started(kernel_name, log)
    try:
        kc.wait_for_ready(timeout=120)
        assert execute(kc, "1+1")["content"]["status"] == "ok"
        samples = []
        for i in range(warmup + iterations):
            begin = time.perf_counter()
            execute(kc, "1+1")
            if i >= warmup:
                samples.append(time.perf_counter() - begin)
        return summary(samples)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        out.close()


def launch_to_first_result(log: Path) -> float:
    begin = time.perf_counter()
    km, kc, out = started(PYSPARK_KERNEL_NAME, log)
    try:
        kc.wait_for_ready(timeout=120)
        reply = execute(kc, "spark.range(10).count()")
        assert reply["content"]["status"] == "ok", reply["content"]
        return time.perf_counter() - begin
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        out.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--launches", type=int, default=3)
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    results: dict = {}
    with IsolatedJupyter() as jupyter:
        for name, spec in (("kindling_pyspark", PYSPARK_KERNEL_NAME), ("ipykernel", "python3")):
            results[name] = warm_one_plus_one(spec, jupyter.log_dir / f"{name}.txt", args.iterations, args.warmup)
        launches = [launch_to_first_result(jupyter.log_dir / "launch.txt") for _ in range(args.launches)]
        results["launch_to_first_pyspark_result"] = summary(launches)
    k, i = results["kindling_pyspark"], results["ipykernel"]
    launch = results["launch_to_first_pyspark_result"]
    print("| figure | Kindling (PySpark) | ipykernel | overhead |")
    print("|---|---|---|---|")
    for key in ("p50", "p99"):
        ms = f"{key}_ms"
        print(f"| warm `1+1` {key} | {k[ms]:.2f} ms | {i[ms]:.2f} ms | {k[ms] - i[ms]:.2f} ms |")
    print(f"| launch to first PySpark result (median of {args.launches}) | {launch['p50_ms'] / 1000:.1f} s | | |")
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    (args.output / f"bench-pyspark-{stamp}.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
