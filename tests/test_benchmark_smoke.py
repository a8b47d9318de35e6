"""The benchmark runs end to end on a tiny size, so it cannot rot. Nothing here is timed."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_registry import main


def test_benchmark_runs_every_stage(capsys):
    results = main(["--sizes", "60", "--formats", "csv", "parquet"])
    stages = [(r["rows"], r["stage"]) for r in results]
    assert stages == [(60, "read csv"), (60, "clean + validate"), (60, "quarantine table"),
                      (60, "read parquet"), (60, "clean + validate"), (60, "quarantine table")]
    assert all(r["seconds"] >= 0 and r["peak_rss_mb"] > 0 for r in results)
    assert "| rows | stage |" in capsys.readouterr().out
