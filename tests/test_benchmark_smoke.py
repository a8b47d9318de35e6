"""The benchmark runs end to end on a tiny size, so it cannot rot. Nothing here is timed."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_report_path import main


def test_report_path_runs_every_stage_and_agrees_with_duckdb(capsys):
    results = main(["--sizes", "600", "1200"])
    assert [r["stage"] for r in results] == 2 * [
        "generate synthetic (not timed in targets)", "load parquet", "clean + validate",
        "report metrics", "duckdb aggregations"]
    assert all(r["units"] in (600, 1200) and r["seconds"] >= 0 and r["peak_rss_mb"] > 0
               for r in results)
    output = capsys.readouterr().out
    assert "| units | stage |" in output
    assert "report metrics / DuckDB aggregations" in output
    assert "load + clean + metrics / DuckDB aggregations" in output
    assert "600 -> 1,200 units (2x): load + clean + metrics" in output


def test_repeated_runs_report_the_median_and_the_spread(capsys):
    results = main(["--sizes", "600", "--repeat", "3"])
    timed = [r for r in results if "runs" in r]
    assert len(timed) == 4 and all(r["runs"] == 3 for r in timed)
    assert all(r["min_seconds"] <= r["seconds"] <= r["max_seconds"] for r in timed)


def test_messy_path_runs(capsys):
    results = main(["--messy", "--sizes", "2000"])
    assert [r["stage"] for r in results] == ["parse number strings", "canonicalise kelurahan"]


@pytest.mark.parametrize("allocator", ["default", "runtime"])
def test_other_allocator_settings_can_be_measured_too(capsys, allocator):
    results = main(["--allocator", allocator, "--sizes", "600"])
    assert len(results) == 5
    assert f"allocator: {allocator} " in capsys.readouterr().out


def test_generated_registries_are_kept_and_reused_in_a_work_folder(tmp_path, capsys):
    first = main(["--sizes", "600", "--work", str(tmp_path)])
    assert (tmp_path / "registry_600.parquet").is_file()
    again = main(["--sizes", "600", "--work", str(tmp_path)])
    assert next(r["stage"] for r in first).startswith("generate")
    assert not any(str(r["stage"]).startswith("generate") for r in again)


def test_startup_benchmark_runs(capsys):
    from benchmarks.bench_startup import main as startup

    results = startup(["--repeat", "1"])
    assert set(results) >= {"import ikm_analysis", "ikm-report --help"}
    assert "| import ikm_analysis |" in capsys.readouterr().out
