"""How long ``import ikm_analysis`` and ``ikm-report --help`` take, in fresh processes.

Each command runs ``--repeat`` times (after one run to warm the file cache); the median, fastest
and slowest wall times are printed, with the bare interpreter's start for comparison. Nothing is
asserted here: the numbers go into the README (Performance).

Usage:
    python benchmarks/bench_startup.py --repeat 20
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COMMANDS: dict[str, list[str]] = {
    "python -c pass (the interpreter alone)": [sys.executable, "-c", "pass"],
    "import ikm_analysis": [sys.executable, "-c", "import ikm_analysis"],
    "ikm-report --help": [sys.executable, "-m", "ikm_analysis.cli", "--help"],
}


def time_command(command: list[str], repeat: int) -> list[float]:
    """Wall seconds of ``repeat`` fresh runs of ``command`` (one untimed run first)."""
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        seconds.append(time.perf_counter() - start)
    return seconds


def main(argv: list[str] | None = None) -> dict[str, list[float]]:
    """Time every command and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="timed runs per command")
    args = parser.parse_args(argv)
    results = {name: time_command(command, args.repeat) for name, command in COMMANDS.items()}
    print(f"median of {args.repeat} fresh processes each")
    print("| command | median s | fastest-slowest |\n|---|---:|---|")
    for name, seconds in results.items():
        print(f"| {name} | {statistics.median(seconds):.3f} | "
              f"{min(seconds):.3f}-{max(seconds):.3f} |")
    return results


if __name__ == "__main__":
    main()
