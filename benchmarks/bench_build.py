"""The real job, timed against the floor of any papermill report, in one run.

Measured, each in fresh processes and in this order:

1. **floor**: ``papermill`` running a one-cell notebook (``-k python3 --language python``), the
   least any papermill report costs (start papermill, start a kernel, run a cell, write);
2. **from scratch**: ``ikm-report build --all`` of the bundled sample into an empty folder with an
   empty cache (seven reports with HTML, PDF and downloads);
3. **nothing changed**: the same command again (every report ``tidak berubah``);
4. **messy XLSX / Parquet**: read + clean of the sample's messy XLSX twin against its Parquet
   twin (:mod:`benchmarks.bench_sample_files`);
5. **start-up**: ``import ikm_analysis`` and ``ikm-report --help``
   (:mod:`benchmarks.bench_startup`).

Each is printed as seconds and as a ratio: builds to the floor, XLSX to Parquet. The profile of
the scratch build follows: the seconds by stage every report records in its ``provenance.json``
(kernel start, notebook cells, downloads, HTML, PDF), summed over the reports, and the cells of
one yearly report that took longest. Nothing is asserted: the numbers go into the README
(Performance), with the issue's targets beside them.

Usage:
    python benchmarks/bench_build.py --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: The issue's targets (issue 15): builds as multiples of the floor, the XLSX of its twin.
TARGETS = {"from scratch": 8.0, "nothing changed": 1.0, "messy XLSX / Parquet": 3.0,
           "import ikm_analysis": 0.5, "ikm-report --help": 1.0}


def _wall(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def floor_seconds(folder: Path, repeat: int) -> list[float]:
    """Wall seconds of ``repeat`` papermill runs of a one-cell notebook (one untimed first)."""
    import nbformat

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    notebook.cells[0].metadata["tags"] = ["parameters"]
    nbformat.write(notebook, folder / "one_cell.ipynb")
    papermill = [sys.executable, "-m", "papermill", "one_cell.ipynb", "out.ipynb",
                 "-k", "python3", "--language", "python"]
    _wall(papermill, folder)
    return [_wall(papermill, folder) for _ in range(repeat)]


def build_seconds(folder: Path, repeat: int) -> tuple[list[float], list[float], Path]:
    """From-scratch and nothing-changed wall seconds of ``ikm-report build --all``.

    Each repeat builds into a new empty folder with a new empty cache, then builds again.
    Returns the two lists and the output folder of the last scratch build (for its profile).
    """
    scratch, unchanged, out = [], [], folder
    for number in range(repeat):
        out, cache = folder / f"reports-{number}", folder / f"cache-{number}"
        command = [sys.executable, "-m", "ikm_analysis.cli", "build", "--all",
                   "--out", str(out), "--cache", str(cache)]
        scratch.append(_wall(command, ROOT))
        unchanged.append(_wall(command, ROOT))
        lines = subprocess.run(command, cwd=ROOT, check=True, capture_output=True,
                               text=True).stdout
        if "0 built, 7 unchanged" not in lines:
            raise RuntimeError(f"the unchanged build built something:\n{lines}")
    return scratch, unchanged, out


def stage_profile(out: Path) -> dict[str, float]:
    """Seconds by stage summed over every report of a build (from its provenance.json)."""
    total: Counter[str] = Counter()
    for record in out.rglob("provenance.json"):
        stages = json.loads(record.read_text(encoding="utf-8"))["build"]["seconds_by_stage"]
        total.update(stages)
    return dict(total)


def slowest_cells(out: Path, cache: Path, count: int = 6) -> list[tuple[float, str]]:
    """The yearly report's slowest cells: papermill's durations from a run with the build's cache.
    """
    import nbformat
    import papermill

    from ikm_analysis.report.build import _kernel_spec_dir
    from ikm_analysis.report.registry_cache import CACHE_ENV

    executed = out / "profile.ipynb"
    os.environ[CACHE_ENV] = str(cache.resolve())  # as in the build: the registry read once
    # the build's kernel spec: this interpreter, and no start-up warning on the terminal
    os.environ["JUPYTER_PATH"] = str(_kernel_spec_dir(out / "jupyter", cache))
    papermill.execute_notebook(str(ROOT / "notebooks" / "laporan_tahunan_ikm.ipynb"),
                               str(executed), parameters={"year": 2024}, kernel_name="python3",
                               language="python", progress_bar=False,
                               cwd=str(ROOT / "notebooks"))
    cells = nbformat.read(executed, as_version=4).cells
    timed = [(float(cell.metadata["papermill"]["duration"] or 0),
              next((line for line in cell.source.splitlines() if line.strip()
                    and not line.startswith(("from ", "import ", "#", " ", ")"))),
                   "(imports)")[:70])
             for cell in cells if cell.cell_type == "code"]
    return sorted(timed, reverse=True)[:count]


def _row(name: str, seconds: list[float], reference: float | None, unit: str) -> str:
    median = statistics.median(seconds)
    ratio = f"{median / reference:.1f}x" if reference else ""
    target = TARGETS.get(name)
    if target is None:
        goal = ""
    elif reference:
        goal = f"≤ {target:g}x: {'met' if median / reference <= target else 'not met'}"
    else:
        goal = f"≤ {target:g} s: {'met' if median <= target else 'not met'}"
    spread = f"{min(seconds):.2f}-{max(seconds):.2f}"
    return f"| {name} | {median:.2f} | {spread} | {ratio} {unit} | {goal} |"


def main(argv: list[str] | None = None) -> dict[str, list[float]]:
    """Measure everything once per repeat and print Markdown tables."""
    from benchmarks.bench_sample_files import main as sample_files_main
    from benchmarks.bench_startup import COMMANDS, time_command

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        floor = floor_seconds(folder, args.repeat)
        scratch, unchanged, out = build_seconds(folder, args.repeat)
        profile = stage_profile(out)
        cells = slowest_cells(out, out.parent / out.name.replace("reports", "cache"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    files = sample_files_main(["--repeat", str(max(args.repeat, 5))])
    startup = {name: time_command(command, max(args.repeat, 10))
               for name, command in COMMANDS.items() if "ikm" in name}
    messy, twin = (timings["read + clean"] for timings in files.values())  # XLSX, Parquet
    floor_median = statistics.median(floor)
    print(f"\nmedian of {args.repeat} runs; fastest-slowest beside it")
    print("| measured | median s | fastest-slowest s | ratio | target |\n|---|---:|---:|---:|---|")
    print(_row("papermill, one-cell notebook (the floor)", floor, None, ""))
    print(_row("from scratch", scratch, floor_median, "the floor"))
    print(_row("nothing changed", unchanged, floor_median, "the floor"))
    print(_row("messy XLSX / Parquet", messy, statistics.median(twin), "its Parquet twin"))
    for name, seconds in startup.items():
        print(_row(name, seconds, None, ""))
    print("\nwhere the scratch build's time goes (seconds summed over its seven reports)")
    print("| stage | s |\n|---|---:|")
    for name, seconds in sorted(profile.items(), key=lambda item: -item[1]):
        print(f"| {name} | {seconds:.1f} |")
    print("\nslowest cells of the 2024 yearly report")
    print("| s | cell |\n|---:|---|")
    for seconds, first_line in cells:
        print(f"| {seconds:.2f} | `{first_line}` |")
    return {"floor": floor, "scratch": scratch, "unchanged": unchanged}


if __name__ == "__main__":
    main()
