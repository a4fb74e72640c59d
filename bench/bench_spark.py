#!/usr/bin/env python3
"""Kindling with Spark: first result after launch, warm round trips, Spark overhead, idle memory.

Not a test: it prints a Markdown table and writes the raw figures to bench/results/.

    ./mvnw -B -DskipTests package                     # distribution (and plugins)
    .venv/bin/python bench/bench_spark.py             # Scala kernel (needs the Scala plugin)
    .venv/bin/python bench/bench_spark.py --language test   # the test language, no Scala needed

Measured:
- first result: from KernelManager.start_kernel() to the execute_result of the first `1+1`
  (sent as soon as the kernel answers kernel_info; Spark starts eagerly in the background);
- warm `1+1`: execute sent until its execute_reply and idle status arrived, after a warm-up;
- Spark overhead: spark.range(N).count() as a cell (execute until idle) against the same call
  timed inside a plain program run by spark-submit (bench/baseline/RangeCount.java, compiled
  here, submitted with the pip pyspark package's spark-submit: the same Spark version);
- idle RSS: the kernel JVM's resident memory after the runs, Spark started, nothing running;
  ipykernel's (no Spark) is shown for scale only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))

from bench_kernel import percentile, wait_idle, wait_reply  # noqa: E402
from harness import paths  # noqa: E402
from harness.jupyter_env import IsolatedJupyter  # noqa: E402
from harness.spark import pyspark_home, spark_target  # noqa: E402

# What each language sends for "1 + 1" and for the Spark job, and what 1+1 shows.
LANGUAGES = {
    "scala": {"kernel": "kindling_scala", "one_plus_one": "1 + 1", "expected": "2",
              "count": "spark.range({n}L).count()"},
    "test": {"kernel": None, "one_plus_one": "value 2", "expected": "2", "count": "spark-count {n}"},
}


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def execute(kc, code: str, timeout: float = 600) -> tuple[float, list[dict]]:
    """Runs code; returns seconds until reply + idle and the request's IOPub messages."""
    started = time.perf_counter()
    msg_id = kc.execute(code, store_history=False)
    reply = wait_reply(kc, msg_id, timeout)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        outputs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    elapsed = time.perf_counter() - started
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{code!r} failed: {reply['content']}")
    return elapsed, outputs


def result_text(outputs: list[dict]) -> str:
    return next((m["content"]["data"].get("text/plain", "") for m in outputs
                 if m["msg_type"] == "execute_result"), "")


def first_result(kernel_name: str, language: dict, log) -> float:
    km = KernelManager(kernel_name=kernel_name)
    started = time.perf_counter()
    km.start_kernel(stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        _, outputs = execute(kc, language["one_plus_one"], timeout=120)
        elapsed = time.perf_counter() - started
        if result_text(outputs) != language["expected"]:
            raise RuntimeError(f"unexpected result {result_text(outputs)!r}")
        return elapsed
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def kernel_runs(kernel_name: str, language: dict, args, log) -> dict:
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        warm = []
        for i in range(args.warmup + args.iterations):
            elapsed, _ = execute(kc, language["one_plus_one"])
            if i >= args.warmup:
                warm.append(elapsed)
        counts = []
        code = language["count"].format(n=args.range)
        for i in range(args.spark_warmup + args.spark_reps):
            elapsed, _ = execute(kc, code)
            if i >= args.spark_warmup:
                counts.append(elapsed)
        rss = rss_mib(km.provisioner.process.pid)
        return {"warm_ms": [s * 1000 for s in warm], "count_ms": [s * 1000 for s in counts], "rss_mib": rss}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def baseline_runs(args, work: Path, log) -> list[float]:
    home = pyspark_home()
    jars = str(home / "jars" / "*")
    classes = work / "classes"
    classes.mkdir()
    subprocess.run(["javac", "-d", str(classes), "-cp", jars, str(REPO / "bench" / "baseline" / "RangeCount.java")],
                   check=True, stdout=log, stderr=log)
    jar = work / "range-count.jar"
    subprocess.run(["jar", "cf", str(jar), "-C", str(classes), "."], check=True, stdout=log, stderr=log)
    env = dict(os.environ, SPARK_HOME=str(home))
    out = subprocess.run(
        [str(home / "bin" / "spark-submit"), "--master", "local[*]", "--conf", "spark.ui.showConsoleProgress=false",
         "--class", "RangeCount", str(jar), str(args.range), str(args.spark_warmup), str(args.spark_reps)],
        check=True, capture_output=True, text=True, env=env, timeout=1800)
    log.write(out.stderr.encode())
    return [float(line.split()[2]) for line in out.stdout.splitlines() if line.startswith("rep ")]


def ipykernel_rss(log) -> float:
    km = KernelManager(kernel_name="python3")
    km.start_kernel(stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        execute(kc, "1 + 1")
        return rss_mib(km.provisioner.process.pid)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--language", choices=sorted(LANGUAGES), default="scala")
    parser.add_argument("--launches", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--range", type=int, default=2_000_000_000, help="N in spark.range(N).count()")
    parser.add_argument("--spark-warmup", type=int, default=2)
    parser.add_argument("--spark-reps", type=int, default=5)
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    paths.check_built()
    language = LANGUAGES[args.language]

    with IsolatedJupyter() as jupyter, tempfile.TemporaryDirectory(prefix="kindling-bench-") as tmp:
        work = Path(tmp)
        log = open(jupyter.log_dir / "bench-spark-stdio.txt", "ab")
        os.environ["KINDLING_LOG_DIR"] = str(jupyter.log_dir)
        if language["kernel"] is None:
            kernel_name = spark_target("bench_spark_test", "--spark-init", "eager").kernel_name
        else:
            kernel_name = language["kernel"]
        print(f"{args.launches} launches to the first result ...", file=sys.stderr, flush=True)
        launches = [first_result(kernel_name, language, log) * 1000 for _ in range(args.launches)]
        print("warm round trips and Spark runs through the kernel ...", file=sys.stderr, flush=True)
        runs = kernel_runs(kernel_name, language, args, log)
        print("the same Spark runs under spark-submit ...", file=sys.stderr, flush=True)
        baseline = baseline_runs(args, work, log)
        reference_rss = ipykernel_rss(log)
        shutil.copy(jupyter.log_dir / "bench-spark-stdio.txt", work / "stdio.txt")

    kernel_count = percentile(runs["count_ms"], 50)
    baseline_count = percentile(baseline, 50)
    figures = {
        "first_result_p50_ms": percentile(launches, 50),
        "first_result_max_ms": max(launches),
        "warm_p50_ms": percentile(runs["warm_ms"], 50),
        "warm_p99_ms": percentile(runs["warm_ms"], 99),
        "count_kernel_p50_ms": kernel_count,
        "count_spark_submit_p50_ms": baseline_count,
        "spark_overhead_ratio": kernel_count / baseline_count,
        "idle_rss_mib": runs["rss_mib"],
        "ipykernel_idle_rss_mib": reference_rss,
    }
    record = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "language": args.language,
              "settings": vars(args) | {"output": str(args.output)}, "cpus": os.cpu_count(),
              "figures": figures, "raw": {"launch_ms": launches, **runs, "baseline_count_ms": baseline}}
    args.output.mkdir(parents=True, exist_ok=True)
    out = args.output / f"bench-spark-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json"
    out.write_text(json.dumps(record, indent=2) + "\n")
    print("| measurement | value |\n|---|---:|")
    print(f"| launch → first `1+1` result, p50 (max) | {figures['first_result_p50_ms']:.0f} ms "
          f"({figures['first_result_max_ms']:.0f} ms) |")
    print(f"| warm `1+1` round trip p50 / p99 | {figures['warm_p50_ms']:.1f} / {figures['warm_p99_ms']:.1f} ms |")
    print(f"| spark.range({args.range}).count(): kernel cell p50 | {kernel_count:.0f} ms |")
    print(f"| same call in a spark-submit program p50 | {baseline_count:.0f} ms |")
    print(f"| Spark overhead (kernel / spark-submit) | {figures['spark_overhead_ratio']:.3f} |")
    print(f"| idle RSS, Kindling with Spark started | {figures['idle_rss_mib']:.0f} MiB |")
    print(f"| idle RSS, ipykernel (no Spark), for scale | {reference_rss:.0f} MiB |")
    print(f"\nlanguage {args.language}, {os.cpu_count()} CPUs; raw figures in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
