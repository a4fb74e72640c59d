#!/usr/bin/env python3
"""Kindling versus ipykernel: launch time and request round trips, measured in the same run.

Not a test: it prints a Markdown table and writes the raw figures to bench/results/.

    scripts/setup-python-env && ./mvnw -B verify     # venv and built distribution
    .venv/bin/python bench/bench_kernel.py            # defaults: 10 launches, 1000 iterations

Measured, for each kernel:
- launch: from KernelManager.start_kernel() to the first kernel_info_reply, over N launches
  (a raw DEALER sends kernel_info_request right after the process starts and reconnects every
  5 ms, so the figure is the kernel's start-up, not a client's retry interval);
- kernel_info round trip: request sent to reply received (jupyter_client BlockingKernelClient);
- empty execute round trip: execute("") sent until both its execute_reply and its idle status
  have arrived (what a notebook waits for before the next cell).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import zmq
from jupyter_client.manager import KernelManager

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from harness import paths  # noqa: E402
from harness.jupyter_env import KINDLING_KERNEL_NAME, IsolatedJupyter  # noqa: E402
from harness.wire import WireSession  # noqa: E402

KERNELS = {"kindling": KINDLING_KERNEL_NAME, "ipykernel": "python3"}


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary(samples: list[float]) -> dict:
    return {
        "n": len(samples),
        "p50_ms": percentile(samples, 50) * 1000,
        "p90_ms": percentile(samples, 90) * 1000,
        "p99_ms": percentile(samples, 99) * 1000,
        "min_ms": min(samples) * 1000,
        "max_ms": max(samples) * 1000,
    }


def measure_launch(kernel_name: str, log_dir: Path) -> float:
    km = KernelManager(kernel_name=kernel_name)
    log = open(log_dir / "launch-stdio.txt", "ab")
    context = zmq.Context()
    try:
        started = time.perf_counter()
        km.start_kernel(stdout=log, stderr=log)
        info = km.get_connection_info(session=False)
        key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
        session = WireSession(key, info.get("signature_scheme", "hmac-sha256"))
        shell = context.socket(zmq.DEALER)
        shell.setsockopt(zmq.LINGER, 0)
        shell.setsockopt(zmq.RECONNECT_IVL, 5)
        shell.connect(f"tcp://{info['ip']}:{info['shell_port']}")
        msg_id, frames = session.frames("kernel_info_request", {})
        shell.send_multipart(frames)
        deadline = started + 120
        while time.perf_counter() < deadline:
            if shell.poll(100):
                reply = session.parse(shell.recv_multipart())
                if reply.parent_id == msg_id:
                    return time.perf_counter() - started
            if not km.is_alive():
                raise RuntimeError(f"{kernel_name} died during launch; see {log_dir}")
        raise RuntimeError(f"{kernel_name}: no kernel_info_reply within 120 s")
    finally:
        context.destroy(linger=0)
        km.shutdown_kernel(now=True)
        log.close()


def wait_reply(kc, msg_id: str, timeout: float = 30) -> dict:
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def wait_idle(kc, msg_id: str, timeout: float = 30) -> None:
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return


def measure_round_trips(kernel_name: str, log_dir: Path, iterations: int, warmup: int) -> dict:
    km = KernelManager(kernel_name=kernel_name)
    log = open(log_dir / "round-trips-stdio.txt", "ab")
    km.start_kernel(stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        while True:  # drain what wait_for_ready left
            try:
                kc.get_iopub_msg(timeout=0.2)
            except Exception:  # noqa: BLE001 - queue.Empty
                break
        info_samples, execute_samples = [], []
        for i in range(warmup + iterations):
            started = time.perf_counter()
            msg_id = kc.kernel_info()
            wait_reply(kc, msg_id)
            elapsed = time.perf_counter() - started
            wait_idle(kc, msg_id)  # outside the timing: keeps IOPub drained
            if i >= warmup:
                info_samples.append(elapsed)
        for i in range(warmup + iterations):
            started = time.perf_counter()
            msg_id = kc.execute("", store_history=False)
            wait_reply(kc, msg_id)
            wait_idle(kc, msg_id)
            if i >= warmup:
                execute_samples.append(time.perf_counter() - started)
        return {"kernel_info": summary(info_samples), "empty_execute": summary(execute_samples)}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        log.close()


def java_version() -> str:
    try:
        out = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=30)
        return (out.stderr or out.stdout).splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "unknown"


def kindling_version() -> str:
    try:
        out = subprocess.run([str(paths.launcher()), "version"], capture_output=True, text=True, timeout=60)
        return out.stdout.strip() or out.stderr.strip()
    except OSError:
        return "not built"


def table(results: dict) -> str:
    rows = [
        ("launch → first kernel_info_reply", "launch", ("p50_ms", "p90_ms")),
        ("kernel_info round trip", "kernel_info", ("p50_ms", "p99_ms")),
        ("empty execute round trip (reply + idle)", "empty_execute", ("p50_ms", "p99_ms")),
    ]
    lines = [
        "| measurement | statistic | Kindling (ms) | ipykernel (ms) | Kindling / ipykernel |",
        "|---|---|---:|---:|---:|",
    ]
    for label, key, stats in rows:
        for stat in stats:
            k = results.get("kindling", {}).get(key, {}).get(stat)
            i = results.get("ipykernel", {}).get(key, {}).get(stat)
            ratio = f"{k / i:.2f}" if k is not None and i else "–"
            fmt = lambda v: f"{v:.2f}" if v is not None else "–"  # noqa: E731
            lines.append(f"| {label} | {stat.split('_')[0]} | {fmt(k)} | {fmt(i)} | {ratio} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--launches", type=int, default=10)
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--kernels", default="kindling,ipykernel", help="comma-separated: kindling, ipykernel")
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    names = [n.strip() for n in args.kernels.split(",") if n.strip()]
    if "kindling" in names:
        paths.check_built()

    results: dict = {}
    with IsolatedJupyter() as jupyter:
        for name in names:
            kernel_name = KERNELS[name]
            log_dir = jupyter.log_dir / name
            log_dir.mkdir(parents=True, exist_ok=True)
            os.environ["KINDLING_LOG_DIR"] = str(log_dir)
            print(f"{name}: {args.launches} launches ...", file=sys.stderr, flush=True)
            launches = [measure_launch(kernel_name, log_dir) for _ in range(args.launches)]
            print(f"{name}: {args.warmup} warm-up + {args.iterations} round trips ...", file=sys.stderr, flush=True)
            results[name] = {"launch": summary(launches), **measure_round_trips(kernel_name, log_dir, args.iterations, args.warmup)}

    import ipykernel
    import jupyter_client

    record = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "settings": vars(args) | {"output": str(args.output)},
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "java": java_version()},
        "versions": {"kindling": kindling_version(), "ipykernel": ipykernel.__version__,
                     "jupyter_client": jupyter_client.__version__},
        "results": results,
    }
    args.output.mkdir(parents=True, exist_ok=True)
    out = args.output / f"bench-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json"
    out.write_text(json.dumps(record, indent=2) + "\n")
    print(table(results))
    print(f"\n{record['machine']['cpus']} CPUs, {record['machine']['java']}, Python {record['machine']['python']}, "
          f"{record['versions']['kindling']}, ipykernel {record['versions']['ipykernel']}; raw figures in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
