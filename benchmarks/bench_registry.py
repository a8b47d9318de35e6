"""Time and peak memory of reading and cleaning registry exports of growing size.

The input is the bundled example export (``data/example/``, fictional) repeated to N rows with
unique unit ids, so about 30 % of rows are deliberately bad: a harder case than a real export.
Each size runs in a fresh process; peak memory is the process's peak resident set size after
the stage (so it includes the stages before it and the interpreter, about 150 MB).

Usage:
    python benchmarks/bench_registry.py --sizes 10000 100000
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "example" / "contoh_ekspor_registri_ikm.csv"


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_inputs(n_rows: int, folder: Path) -> dict[str, Path]:
    """Write the example export repeated to ``n_rows`` rows as CSV and Parquet."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    header_at = next(i for i, line in enumerate(lines) if line.startswith("No;"))
    header, body = lines[header_at], [line for line in lines[header_at + 1:]
                                      if not line.startswith("JUMLAH")]
    rows = [body[i % len(body)].split(";") for i in range(n_rows)]
    frame = pd.DataFrame(rows, columns=header.split(";"), dtype="string")
    frame["No. Reg"] = [f"BENCH-{i:08d}" for i in range(n_rows)]
    paths = {"csv": folder / f"bench_{n_rows}.csv", "parquet": folder / f"bench_{n_rows}.parquet"}
    frame.to_csv(paths["csv"], sep=";", index=False)
    frame.to_parquet(paths["parquet"], index=False)
    return paths


def run_one(n_rows: int, fmt: str) -> list[dict[str, object]]:
    """Run every stage once for one size and input format; return one record per stage."""
    from ikm_analysis.cleaning import CleaningOptions, clean_registry
    from ikm_analysis.loading import read_registry
    from ikm_analysis.quarantine import build_quarantine_table

    with tempfile.TemporaryDirectory() as folder:
        path = write_inputs(n_rows, Path(folder))[fmt]
        records = []
        start = time.perf_counter()
        raw = read_registry(path)
        records.append(("read " + fmt, time.perf_counter() - start, peak_rss_mb()))
        start = time.perf_counter()
        result = clean_registry(raw, CleaningOptions(max_year=2024))
        records.append(("clean + validate", time.perf_counter() - start, peak_rss_mb()))
        start = time.perf_counter()
        build_quarantine_table(raw, result.issues)
        records.append(("quarantine table", time.perf_counter() - start, peak_rss_mb()))
    return [{"rows": n_rows, "stage": stage, "seconds": round(seconds, 3),
             "peak_rss_mb": round(peak, 1)} for stage, seconds, peak in records]


def main(argv: list[str] | None = None) -> list[dict[str, object]]:
    """Run all sizes, each in a fresh process, and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="+", default=["csv", "parquet"])
    parser.add_argument("--child", nargs=2, metavar=("ROWS", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_one(int(args.child[0]), args.child[1])))
        return []
    results: list[dict[str, object]] = []
    for size in args.sizes:
        for fmt in args.formats:
            child = subprocess.run(
                [sys.executable, __file__, "--child", str(size), fmt],
                check=True, capture_output=True, text=True,
            )
            results += json.loads(child.stdout.strip().splitlines()[-1])
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, pandas {pd.__version__}")
    print("| rows | stage | seconds | peak RSS (MiB) |\n|---:|---|---:|---:|")
    for record in results:
        print(f"| {record['rows']:,} | {record['stage']} | {record['seconds']:.2f} | "
              f"{record['peak_rss_mb']:,.0f} |")
    return results


if __name__ == "__main__":
    main()
