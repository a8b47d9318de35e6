"""Read + clean of the bundled sample as an office XLSX and as Parquet, in one process.

The messy XLSX twin (``registri_ikm_sintetis_berantakan.xlsx``: 4,184 rows of Indonesian
number strings, dates, title rows) and the Parquet registry hold the same units. Each file is
read and cleaned with :func:`ikm_analysis.process_registry` once untimed (imports, file cache),
then ``--repeat`` times; the median, fastest and slowest wall times and the XLSX/Parquet ratio
of the medians are printed, with the reading alone (:func:`ikm_analysis.io.read_registry`)
beside. Nothing is asserted here: the numbers go into the README (Performance).

Usage:
    python benchmarks/bench_sample_files.py --repeat 7
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from ikm_analysis import CleaningOptions, process_registry
from ikm_analysis.io.read import read_registry
from ikm_analysis.sample.files import sample_registry_path


def time_call(call: Callable[[], object], repeat: int) -> list[float]:
    """Wall seconds of ``repeat`` calls of ``call`` after one untimed call."""
    call()
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - start)
    return seconds


def sample_files() -> dict[str, Path]:
    """The two files of the bundled sample, by the name the table prints."""
    return {"XLSX (messy twin)": sample_registry_path(messy=True),
            "Parquet": sample_registry_path()}


def main(argv: list[str] | None = None) -> dict[str, dict[str, list[float]]]:
    """Time reading and read + clean of both files and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per file")
    args = parser.parse_args(argv)
    options = CleaningOptions(max_year=2024)
    results: dict[str, dict[str, list[float]]] = {}
    for name, path in sample_files().items():
        results[name] = {
            "read": time_call(lambda path=path: read_registry(path), args.repeat),
            "read + clean": time_call(
                lambda path=path: process_registry(path, options=options), args.repeat),
        }
    print(f"median of {args.repeat} runs in one process, after one untimed run")
    print("| file | read s | read + clean s | fastest-slowest |\n|---|---:|---:|---|")
    for name, timings in results.items():
        whole = timings["read + clean"]
        print(f"| {name} | {statistics.median(timings['read']):.3f} | "
              f"{statistics.median(whole):.3f} | {min(whole):.3f}-{max(whole):.3f} |")
    xlsx, parquet = (statistics.median(timings["read + clean"]) for timings in results.values())
    print(f"XLSX / Parquet, read + clean: {xlsx / parquet:.1f}x")
    return results


if __name__ == "__main__":
    main()
