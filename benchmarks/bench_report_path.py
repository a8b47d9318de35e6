"""Time and peak memory of the report path at province and national scale, with DuckDB as reference.

For each size, a synthetic registry is generated with the sample generator's logic
(``SampleSpec.scaled``; DATA SINTETIS) and written to Parquet by one process. A fresh process
then runs the path a yearly report takes and records time and peak resident memory per stage:

1. ``load parquet``: :func:`ikm_analysis.io.read.read_registry`;
2. ``clean + validate``: :func:`ikm_analysis.clean.pipeline.clean_registry` (pandera included);
3. ``report metrics``: every metric the yearly report shows, for the status year;
4. ``duckdb aggregations``: the same aggregations in DuckDB over the same clean table, checked
   to give the same numbers; the ratio pandas / DuckDB is printed.

``--messy`` runs the messy-input path instead: Indonesian number strings (``Rp 1.500.000``,
``1,5 juta``) and kelurahan names in office spellings (``KEL. MENTENG``), parsed and canonicalised.

Peak memory is the process's peak RSS after the stage (ru_maxrss), interpreter and earlier
stages included. The measuring processes run with the allocator settings the report kernels use
(:mod:`ikm_analysis._fast.allocator`); ``--allocator runtime`` applies them after start, as
``ikm-report`` does, and ``--allocator default`` measures without them.
Nothing here is asserted: the numbers go into the README.

Usage:
    python benchmarks/bench_report_path.py --repeat 3 --sizes 100000 1000000 10000000
    python benchmarks/bench_report_path.py --repeat 3 --messy --sizes 1000000
    python benchmarks/bench_report_path.py --repeat 3 --allocator default --sizes 1000000 10000000
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
#: The stages of the report path whose growth with size the issue bounds.
PATH_STAGES = ("load parquet", "clean + validate", "report metrics")
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_registry(units: int, path: Path) -> None:
    """Generate ``units`` synthetic units and write them as Parquet."""
    from ikm_analysis.sample.synthetic import SampleSpec, generate_sample_registry

    generate_sample_registry(SampleSpec.scaled(units)).to_parquet(path, index=False)


def report_metrics(clean: pd.DataFrame) -> dict[str, object]:
    """Every metric the yearly report shows, for the status year: the notebook's calls."""
    from ikm_analysis import metrics
    from ikm_analysis.report.yearly_tables import ACTIVE_COLUMNS

    year = metrics.default_status_year(clean)
    active = metrics.active_units(clean, year, year, columns=ACTIVE_COLUMNS)
    economics, economics_all = metrics.economy_by_category(active)
    return {
        "year": year,
        "headline": metrics.headline_figures(clean, year, year),
        "by_category": metrics.active_units_by_category(clean, year, year),
        "by_kecamatan": metrics.active_units_by_kecamatan(clean, year, year),
        "cross": metrics.active_units_by_category_and_kecamatan(active),
        "by_kelurahan": metrics.sentra_by_kelurahan(active),
        "economics": economics,  # per category and the total row, as the economics table shows
        "economics_all": economics_all,
        "trend": metrics.active_units_by_year(clean, range(year - 9, year + 1), year),
    }


_ACTIVE = """(year_registered <= {year}
    and (year_closed is null or year_closed > {year})
    and not (status = 'tidak_aktif' and year_closed is null and {year} >= {status_year}))"""

#: What the economics table sums up, per category or over all units.
_ECONOMICS = """count(*) as units,
    sum(workers_count) as workers_total, count(workers_count) as workers_reported,
    median(workers_count) as workers_median, sum(investment_rp) as investment_total,
    median(investment_rp) as investment_median,
    sum(production_value_rp) as production_total,
    median(production_value_rp) as production_median"""


def duckdb_metrics(clean: pd.DataFrame, year: int) -> dict[str, pd.DataFrame]:
    """The same aggregations in DuckDB SQL over the clean table (zero-copy through Arrow)."""
    import duckdb

    connection = duckdb.connect()
    connection.register("clean", clean)
    active, before = (_ACTIVE.format(year=y, status_year=year) for y in (year, year - 1))

    def query(sql: str) -> pd.DataFrame:
        return connection.execute(sql).df()

    results = {
        "by_category": query(f"""select category_code, count(*) filter (where {active}) as units,
            count(*) filter (where {before}) as units_previous from clean group by 1"""),
        "by_kecamatan": query(f"""select kecamatan_code, count(*) filter (where {active}) as units,
            count(*) filter (where {before}) as units_previous from clean group by 1"""),
        "cross": query(f"""select category_code, kecamatan_code, count(*) as units from clean
            where {active} group by 1, 2"""),
        "by_kelurahan": query(f"""select kelurahan_code, count(*) as units,
            count(*) filter (where is_sentra_member) as sentra_members from clean
            where {active} group by 1"""),
        "economics": query(f"""select category_code, {_ECONOMICS} from clean where {active}
            group by 1"""),
        "economics_all": query(f"select {_ECONOMICS} from clean where {active}"),
        "flows": query(f"""select count(*) filter (where {active} and not {before}) as opened,
            count(*) filter (where {before} and not {active}) as closed from clean"""),
        "trend": query(" union all ".join(
            f"select {y} as year, count(*) filter (where "
            f"{_ACTIVE.format(year=y, status_year=year)}) as active from clean"
            for y in range(year - 9, year + 1))),
    }
    connection.close()
    return results


def check_agreement(ours: dict[str, object], reference: dict[str, pd.DataFrame]) -> None:
    """Raise if DuckDB and the library disagree on a count (the benchmark times right answers)."""
    def same(left: pd.Series, right: pd.Series, what: str) -> None:
        right = right.reindex(left.index, fill_value=0)
        if not (left.astype("int64").to_numpy() == right.astype("int64").to_numpy()).all():
            raise AssertionError(f"DuckDB and ikm_analysis disagree on {what}")

    for key, column in (("by_category", "category_code"), ("by_kecamatan", "kecamatan_code")):
        table = ours[key].set_index(column)
        duck = reference[key].set_index(column)
        same(table["units"], duck["units"], f"{key} units")
        same(table["units_previous"], duck["units_previous"], f"{key} previous")
    cross = reference["cross"].set_index(["category_code", "kecamatan_code"])["units"]
    same(ours["cross"].stack(), cross, "category x kecamatan")  # noqa: PD013 (a Series here)
    kelurahan = ours["by_kelurahan"].set_index("kelurahan_code")
    same(kelurahan["units"], reference["by_kelurahan"].set_index("kelurahan_code")["units"],
         "units per kelurahan")
    economics = ours["economics"].set_index("category_code")
    same(economics["workers_total"],
         reference["economics"].set_index("category_code")["workers_total"], "workers")
    same(ours["economics_all"]["workers_total"], reference["economics_all"]["workers_total"],
         "workers in all")
    same(ours["trend"], reference["trend"].set_index("year")["active"], "active per year")
    flows = reference["flows"].iloc[0]
    if (ours["headline"]["opened"], ours["headline"]["closed"]) != (flows["opened"],
                                                                     flows["closed"]):
        raise AssertionError("DuckDB and ikm_analysis disagree on opened/closed")


def run_report_path(path: Path) -> list[tuple[str, float, float]]:
    """Run the stages on one Parquet file; return (stage, seconds, peak MiB)."""
    from ikm_analysis.clean.pipeline import CleaningOptions, clean_registry
    from ikm_analysis.io.read import read_registry

    records = []
    start = time.perf_counter()
    raw = read_registry(path)
    records.append(("load parquet", time.perf_counter() - start, peak_rss_mb()))
    start = time.perf_counter()
    clean = clean_registry(raw, CleaningOptions(max_year=2024)).clean
    records.append(("clean + validate", time.perf_counter() - start, peak_rss_mb()))
    del raw
    start = time.perf_counter()
    ours = report_metrics(clean)
    records.append(("report metrics", time.perf_counter() - start, peak_rss_mb()))
    start = time.perf_counter()
    reference = duckdb_metrics(clean, ours["year"])
    records.append(("duckdb aggregations", time.perf_counter() - start, peak_rss_mb()))
    check_agreement(ours, reference)
    return records


def messy_columns(units: int, seed: int = 1) -> pd.DataFrame:
    """Office-style text for ``units`` rows: money in five spellings, kelurahan in four.

    The amounts are drawn from 900,000 values, so most cells are distinct: parsing cannot lean
    on repetition the way it can in a small registry.
    """
    from ikm_analysis.reference import load_kelurahan

    rng = np.random.default_rng(seed)
    thousands = rng.integers(1, 900_000, units)  # Rp 1.000 to Rp 900 juta: ~600k distinct values
    spelling = rng.integers(0, 5, units)
    dotted = pd.Series(thousands).map("{:,}".format).str.replace(",", ".")
    in_millions = pd.Series(thousands / 1000).map("{:g}".format).str.replace(".", ",")
    money = np.select(
        [spelling == 0, spelling == 1, spelling == 2, spelling == 3],
        ["Rp " + dotted + ".000", dotted + ".000,00", pd.Series(thousands * 1000).astype(str),
         in_millions + " juta"],
        "Rp. " + dotted + ".000,-")
    names = load_kelurahan()["kelurahan"].to_numpy()
    kelurahan = names[rng.integers(0, len(names), units)].astype(object)
    variant = rng.integers(0, 4, units)
    kelurahan = np.select([variant == 0, variant == 1, variant == 2],
                          [kelurahan, "KEL. " + pd.Series(kelurahan).str.upper(),
                           "  " + kelurahan + " "], "Kelurahan " + kelurahan)
    return pd.DataFrame({"investment": pd.Series(money, dtype="string"),
                         "kelurahan": pd.Series(kelurahan, dtype="string")})


def run_messy_path(units: int) -> list[tuple[str, float, float]]:
    """Parse Indonesian number strings and canonicalise kelurahan names of ``units`` rows."""
    from ikm_analysis.clean.numbers import parse_id_numbers
    from ikm_analysis.clean.regions import canonicalize_regions

    frame = messy_columns(units)
    records = []
    start = time.perf_counter()
    parsed = parse_id_numbers(frame["investment"])
    records.append(("parse number strings", time.perf_counter() - start, peak_rss_mb()))
    start = time.perf_counter()
    match = canonicalize_regions(frame["kelurahan"])
    records.append(("canonicalise kelurahan", time.perf_counter() - start, peak_rss_mb()))
    if parsed.is_invalid.any() or len(match.issues.frame):
        raise AssertionError("the messy benchmark input should parse completely")
    return records


def child(units: int, mode: str, folder: str, runtime_allocator: bool = False) -> None:
    """Entry point of one measuring process; prints its records as JSON."""
    if runtime_allocator:
        from ikm_analysis._fast.allocator import use_large_table_allocator

        use_large_table_allocator()
    path = Path(folder) / f"registry_{units}.parquet"
    if mode == "generate":
        start = time.perf_counter()
        write_registry(units, path)
        records = [("generate synthetic (not timed in targets)", time.perf_counter() - start,
                    peak_rss_mb())]
    elif mode == "report":
        records = run_report_path(path)
    else:
        records = run_messy_path(units)
    print(json.dumps([{"units": units, "stage": stage, "seconds": round(seconds, 3),
                       "peak_rss_mb": round(peak, 1)} for stage, seconds, peak in records]))


#: How a measuring process gets the allocator settings of ikm_analysis._fast.allocator.
ALLOCATOR_MODES = {
    "environment": "set in the environment at start, as the report kernels get them",
    "runtime": "set by use_large_table_allocator() after start, as ikm-report does",
    "default": "not set: glibc's and pyarrow's defaults",
}


def _run_child(units: int, mode: str, folder: str, allocator: str = "environment"
               ) -> list[dict[str, object]]:
    from ikm_analysis._fast.allocator import LARGE_TABLE_ENVIRONMENT, large_table_environment

    without = {k: v for k, v in os.environ.items() if k not in LARGE_TABLE_ENVIRONMENT}
    env = large_table_environment() if allocator == "environment" else without
    arguments = ["--child", str(units), mode, folder]
    if allocator == "runtime":
        arguments.append("--runtime-allocator")
    result = subprocess.run([sys.executable, __file__, *arguments],
                            check=True, capture_output=True, text=True, env=env)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _summarise(runs: list[list[dict[str, object]]]) -> list[dict[str, object]]:
    """One record per stage over repeated runs: median, fastest and slowest time, highest peak."""
    summary = []
    for records in zip(*runs, strict=True):
        seconds = [float(record["seconds"]) for record in records]
        summary.append({**records[0], "seconds": statistics.median(seconds),
                        "min_seconds": min(seconds), "max_seconds": max(seconds),
                        "peak_rss_mb": max(float(r["peak_rss_mb"]) for r in records),
                        "runs": len(records)})
    return summary


def _print_ratios(results: list[dict[str, object]]) -> None:
    """Metrics against DuckDB per size, and how the whole path grows from size to size."""
    by_size: dict[int, dict[str, float]] = {}
    for record in results:
        by_size.setdefault(int(record["units"]), {})[str(record["stage"])] = float(
            record["seconds"])
    path_seconds = {}
    for units, stages in by_size.items():
        if "duckdb aggregations" in stages:
            duckdb = max(stages["duckdb aggregations"], 1e-9)
            print(f"{units:,} units: report metrics / DuckDB aggregations = "
                  f"{stages['report metrics'] / duckdb:.1f}x")
            path_seconds[units] = sum(stages[name] for name in PATH_STAGES)
            print(f"{units:,} units: load + clean + metrics / DuckDB aggregations = "
                  f"{path_seconds[units] / duckdb:.2f}x")
    sizes = sorted(path_seconds)
    for small, large in itertools.pairwise(sizes):
        growth = path_seconds[large] / max(path_seconds[small], 1e-9)
        print(f"{small:,} -> {large:,} units ({large / small:g}x): load + clean + metrics "
              f"{path_seconds[small]:.2f} s -> {path_seconds[large]:.2f} s ({growth:.1f}x)")


def main(argv: list[str] | None = None) -> list[dict[str, object]]:
    """Run every size in fresh processes and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--messy", action="store_true", help="time the messy-input path")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measuring runs per size, each a fresh process (median reported)")
    parser.add_argument("--allocator", choices=ALLOCATOR_MODES, default="environment",
                        help="how the measuring processes get the allocator settings of "
                        "ikm_analysis._fast.allocator: " + "; ".join(
                            f"{name}: {meaning}" for name, meaning in ALLOCATOR_MODES.items()))
    parser.add_argument("--work", type=Path, default=None,
                        help="folder for the generated registries, kept and reused between "
                        "runs (default: a temporary folder)")
    parser.add_argument("--child", nargs=3, metavar=("UNITS", "MODE", "FOLDER"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--runtime-allocator", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(int(args.child[0]), args.child[1], args.child[2], args.runtime_allocator)
        return []
    results: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = str(args.work or temporary)
        Path(folder).mkdir(parents=True, exist_ok=True)
        for units in args.sizes:
            mode = "messy" if args.messy else "report"
            registry = Path(folder) / f"registry_{units}.parquet"
            if not args.messy and not registry.is_file():
                results += _run_child(units, "generate", folder)
            results += _summarise([_run_child(units, mode, folder, args.allocator)
                                   for _ in range(args.repeat)])
            if args.work is None:
                registry.unlink(missing_ok=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{platform.python_implementation()} {platform.python_version()}, "
          f"pandas {pd.__version__}; allocator: {args.allocator} "
          f"({ALLOCATOR_MODES[args.allocator]}); median of {args.repeat} run(s)")
    print("| units | stage | seconds | fastest-slowest | peak RSS (MiB) |\n"
          "|---:|---|---:|---|---:|")
    for record in results:
        spread = (f"{record['min_seconds']:.2f}-{record['max_seconds']:.2f}"
                  if "min_seconds" in record else "")
        print(f"| {record['units']:,} | {record['stage']} | {record['seconds']:.2f} | {spread} | "
              f"{record['peak_rss_mb']:,.0f} |")
    _print_ratios(results)
    return results


if __name__ == "__main__":
    main()
