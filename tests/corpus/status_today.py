"""Run today's reader over the corpus and write ``STATUS_TODAY.md`` (truth vs what happens).

Usage::

    python tests/corpus/status_today.py [OUTDIR]

Each file is read in a child process, limited in memory and time, by
``process_registry(path, options=CleaningOptions(max_year=2024))`` and then by the command line
``validate`` (its quarantine file goes to a temporary folder). Every exception is caught and
reported. Nothing here asserts anything: the table tells the lead what is broken.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
MEMORY_LIMIT = 3 * 2**30
TIME_LIMIT_S = 120

_CHILD = r"""
import contextlib, io, json, sys, tempfile
from pathlib import Path

path, mode = Path(sys.argv[1]), sys.argv[2]
result = {}
try:
    if mode == "process":
        from ikm_analysis.clean.pipeline import CleaningOptions
        from ikm_analysis.clean.registry import process_registry

        processed = process_registry(path, options=CleaningOptions(max_year=2024))
        summary = processed.summary()
        clean = processed.clean
        sums = {}
        for column, key in (("workers_count", "workers_total"),
                            ("investment_rp", "investment_total_rp"),
                            ("production_value_rp", "production_total_rp")):
            if column in clean.columns:
                sums[key] = float(clean[column].fillna(0).sum())
        result = {"outcome": "read", "sheet": summary["sheet"],
                  "header_row": summary["header_row"], "rows_read": summary["rows_read"],
                  "rows_clean": summary["rows_clean"],
                  "rows_quarantined": summary["rows_quarantined"],
                  "reasons": summary["quarantined_rows_by_reason"],
                  "ignored_headers": summary["ignored_headers"], "sums": sums}
    else:
        from ikm_analysis.cli import main

        with tempfile.TemporaryDirectory() as folder:
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = main(["validate", str(path), "--max-year", "2024",
                                 "--quarantine-file", str(Path(folder) / "q.csv")])
                except SystemExit as stop:
                    code = stop.code
        result = {"outcome": "exit", "code": code, "stderr": err.getvalue().strip()[-300:]}
except BaseException as error:
    kind = type(error)
    name = kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"
    result = {"outcome": "exception", "type": name,
              "message": str(error).replace(str(path.parent) + "/", "")[:300]}
print(json.dumps(result, default=str))
"""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_child(path: Path, mode: str) -> dict[str, Any]:
    """Run one reading of ``path`` in a child process; never raises."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), mode], cwd=REPO, capture_output=True,
            text=True, timeout=TIME_LIMIT_S, preexec_fn=_limit_memory, check=False,
        )
    except subprocess.TimeoutExpired:
        return {"outcome": "timeout", "message": f"no answer after {TIME_LIMIT_S} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = done.stderr.strip().splitlines()[-1:] or [""]
        return {"outcome": "died", "message": f"child exit {done.returncode}: {tail[0][:200]}"}
    try:
        return json.loads(lines[-1])
    except json.JSONDecodeError:
        return {"outcome": "died", "message": f"unreadable child output: {lines[-1][:200]}"}


_REFUSALS = {"ikm_analysis.exceptions.InputFileError",
             "ikm_analysis.exceptions.MissingColumnsError"}


def verdict(truth: dict[str, Any], read: dict[str, Any]) -> str:
    """Compare today's outcome with the truth, in a few words."""
    outcome = read["outcome"]
    if outcome in ("timeout", "died"):
        return f"**{outcome.upper()}**"
    if outcome == "exception":
        if read["type"] not in _REFUSALS:
            return f"**CRASH** ({read['type']})"
        if truth.get("number_format") == "ambiguous":
            return "asks for --number-format (ambiguous numbers)"
        return "refuses (check the message)" if not truth["usable"] else "**REFUSES a usable file**"
    if not truth["usable"]:
        return "**READS an unusable file**"
    wrong = []
    if read["rows_read"] != truth["records"]:
        wrong.append(f"rows read {read['rows_read']} vs {truth['records']} records")
    if read["rows_clean"] != truth["units"]:
        wrong.append(f"clean {read['rows_clean']} vs {truth['units']} units")
    for key, value in read["sums"].items():
        expected = truth["facts"].get(key)
        if expected is not None and abs(value - expected) > 0.01:
            wrong.append(f"{key} {value:,.0f} vs {expected:,.0f}")
    return "**WRONG**: " + "; ".join(wrong) if wrong else "counts match"


def _today(read: dict[str, Any]) -> str:
    if read["outcome"] == "read":
        text = (f"read {read['rows_read']}, clean {read['rows_clean']}, quarantined "
                f"{read['rows_quarantined']}")
        if read["sheet"]:
            text += f" (sheet {read['sheet']})"
        if read["reasons"]:
            text += "; " + ", ".join(f"{k} {v}" for k, v in read["reasons"].items())
        return text
    if read["outcome"] == "exception":
        return f"{read['type'].rsplit('.', 1)[-1]}: {read['message']}"
    return read["message"]


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus, read every file with today's reader, write STATUS_TODAY.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, nargs="?", help="corpus folder (default: a temp dir)")
    args = parser.parse_args(argv)
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import generate

    with tempfile.TemporaryDirectory() as scratch:
        outdir = args.outdir or Path(scratch)
        manifest = generate.generate(outdir)
        rows, tally = [], {}
        for entry in manifest["files"]:
            path = outdir / entry["name"]
            read = run_child(path, "process")
            cli = run_child(path, "cli")
            if cli["outcome"] == "exit":
                code = cli["code"]
            elif cli["outcome"] == "exception":
                code = f"crash ({cli['type']})"
            else:
                code = cli["outcome"]
            truth = entry["truth"]
            said = verdict(truth, read)
            key = said.split(":")[0].split(" (")[0].strip("*")
            tally[key] = tally.get(key, 0) + 1
            expected = (f"{truth['records']} rec / {truth['units']} units"
                        if truth["usable"] else "unusable")
            rows.append(f"| `{entry['name']}` | {expected} | {_cell(_today(read))} | {code} | "
                        f"{_cell(said)} |")
            print(f"{entry['name']}: {said}", flush=True)
    versions = subprocess.run([sys.executable, "-c", "import ikm_analysis, openpyxl, pandas, "
                               "pyarrow; print(openpyxl.__version__, pandas.__version__, "
                               "pyarrow.__version__)"], capture_output=True, text=True,
                              cwd=REPO, check=False).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=REPO, check=False).stdout.strip()
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(tally.items(), key=lambda kv: -kv[1]))
    text = "\n".join([
        "# What today's reader does with the corpus",
        "",
        f"Written by `tests/corpus/status_today.py` at commit {commit} (working tree as it was; "
        f"openpyxl, pandas, pyarrow {versions}). Reader: `process_registry(path, "
        "options=CleaningOptions(max_year=2024))`; exit code: `ikm-report validate PATH "
        f"--max-year 2024`. Each file in a child process limited to {MEMORY_LIMIT >> 30} GiB "
        f"and {TIME_LIMIT_S} s.",
        "",
        "A verdict of *counts match* compares only the numbers of rows (and the totals the clean "
        "table has), not which rows or values; *refuses* on an unusable file still needs its "
        "message checked against the truth's `refusal`.",
        "",
        f"**Summary ({len(rows)} files):** {summary}.",
        "",
        "| file | truth | today: process_registry | exit | verdict |",
        "|---|---|---|---|---|",
        *rows,
        "",
    ])
    (HERE / "STATUS_TODAY.md").write_text(text, encoding="utf-8")
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
