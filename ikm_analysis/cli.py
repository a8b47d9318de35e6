"""The ``ikm-report`` command line.

``ikm-report validate PATH`` reads a registry export, prints the counts, what became of every
column and every sheet, and writes the quarantine file beside the input. Exit codes a script can
trust: 0 every row is clean, 1 rows were quarantined, 2 the file or an option cannot be used
(the message, in Indonesian or with ``--lang en`` in English, names the file, sheet, row and
header and says what to do), 3 an error inside the program (one sentence and the path of a log
with the details; never a traceback on the terminal).

``ikm-report sample [--out DIR]`` writes the synthetic sample registry (DATA SINTETIS) as Parquet
and as a messy XLSX twin; ``data/sample/`` by default.

``ikm-report build (--year Y ... | --all) [--registry PATH]`` executes the report notebooks with
papermill and writes HTML, executed notebooks, key figures and provenance to ``reports/``. Exit
codes: 0 every report built, 1 a report failed (the others are still built; the last good report
stays), 2 the parameters or the registry are wrong (no kernel was started).

Example:
    >>> main(["validate", "tidak-ada.csv"])
    2
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ikm_analysis._fast.allocator import use_large_table_allocator
from ikm_analysis.exceptions import IkmError, ReportParameterError
from ikm_analysis.i18n import text, texts
from ikm_analysis.report.kinds import REPORT_KINDS

if TYPE_CHECKING:
    from ikm_analysis.clean.registry import ProcessedRegistry


# Each command imports what it needs when it runs: ``ikm-report --help`` loads no pandas.

EXIT_CLEAN, EXIT_QUARANTINED, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3
#: The reports ``build --reports`` can name, the yearly one first.
REPORT_CHOICES = tuple(REPORT_KINDS)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ikm-report", description="IKM registry checks and reports for Kota Palangka Raya."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser(
        "validate",
        help="check a registry export and write its quarantine file",
        description="Read a registry export (CSV, XLSX, XLS, ODS, Parquet), print the counts "
        "and write the quarantine file. Exit 0: all rows clean; 1: rows quarantined; 2: the "
        "file or an option cannot be used; 3: an error inside the program.",
    )
    validate.add_argument("path", type=Path,
                          help="registry export (.csv, .txt, .xlsx, .xls, .ods, .parquet)")
    validate.add_argument(
        "--sheet", help="read only this worksheet (default: every sheet that holds a registry)"
    )
    validate.add_argument(
        "--quarantine-file", type=Path,
        help="where to write the quarantine CSV (default: <name>_karantina.csv beside the input)",
    )
    validate.add_argument(
        "--clean-file", type=Path,
        help="also write the clean table (no personal data) to this .csv or .parquet file",
    )
    validate.add_argument("--lang", choices=("id", "en"), default="id",
                          help="language of messages and reasons (default: id)")
    validate.add_argument(
        "--number-format", choices=("auto", "id", "en"), default="auto",
        help="separators of numbers written as text: id = 1.500.000,00; en = 1,500,000.00; "
        "auto (default) = told from each column's cells, asking when both readings fit",
    )
    validate.add_argument("--max-year", type=int,
                          help="latest acceptable year (default: the current year)")
    sample = commands.add_parser(
        "sample",
        help="write the synthetic sample registry (DATA SINTETIS)",
        description="Generate the synthetic IKM registry with its fixed seed and write it as "
        "Parquet and as a messy XLSX twin. The same seed always gives the same bytes.",
    )
    sample.add_argument("--out", type=Path, default=None,
                        help="folder to write to (default: data/sample of this checkout)")
    sample.add_argument("--seed", type=int, default=None,
                        help="seed of the generator (default: the bundled sample's)")
    build = commands.add_parser(
        "build",
        help="build the yearly reports (HTML, notebook, key figures, provenance)",
        description="Execute the report notebooks with papermill, in parallel, and write "
        "reports/<year>/ plus the province growth and data-quality reports. Without --registry "
        "the bundled synthetic sample (DATA SINTETIS) is used.",
    )
    which = build.add_mutually_exclusive_group()
    which.add_argument("--year", type=int, nargs="+", help="report year(s)")
    which.add_argument("--all", action="store_true", default=None,
                       help="every report year of the registry (the five up to its latest year, "
                       "or from --first-year)")
    build.add_argument("-f", "--parameters", type=Path, default=None, metavar="FILE",
                       help="a YAML file of these options (registry, year, all, lang, office, "
                       "...; a list under 'builds' for several report sets); options given "
                       "here win over the file")
    build.add_argument("--registry", type=Path, default=None,
                       help="registry export (.csv, .xlsx, .parquet); default: the bundled "
                       "synthetic sample")
    build.add_argument("--first-year", type=int, help="with --all: the earliest year to report")
    build.add_argument("--export-year", type=int,
                       help="latest acceptable year in the export (default: 2024 for the sample, "
                       "else the current year)")
    build.add_argument("--lang", choices=("id", "en"), default=None,
                       help="report language (default: id)")
    build.add_argument("--number-format", choices=("auto", "id", "en"), default=None,
                       help="separators of the registry's numbers written as text (as for "
                       "validate; default: auto)")
    build.add_argument("--office", default=None,
                       help="the office that exported the registry, named in each report's "
                       "provenance block")
    build.add_argument("--min-cell", type=int, default=None,
                       help="fewest units a shown cell may stand for (default: 3)")
    build.add_argument("--reports", nargs="+", choices=REPORT_CHOICES, default=None,
                       help="which reports: tahunan (yearly), umkm_kalteng, kualitas_data "
                       "(default: the yearly reports with --year, all with --all)")
    build.add_argument("--out", type=Path, default=None,
                       help="output folder, written into as given (default: reports, English "
                       "editions in reports/en)")
    build.add_argument("--jobs", type=int, default=None,
                       help="reports built at once (default: 2, or 1 on a one-core machine)")
    build.add_argument("--force", action="store_true", default=None,
                       help="build every report again, also those whose notebook, inputs, "
                       "parameters and package code are unchanged (shown as 'tidak berubah')")
    build.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                       help="the longest one report may take (default: 900)")
    build.add_argument("--cache", type=Path, default=None, metavar="DIR",
                       help="where the registry, read and cleaned once per build, is kept "
                       "(default: .cache/ikm-analysis; holds personal data, safe to delete)")
    return parser


#: ``build`` options and their values when neither the command line nor a -f file sets them.
BUILD_DEFAULTS: dict[str, object] = {
    "year": None, "all": False, "registry": None, "first_year": None, "export_year": None,
    "lang": "id", "number_format": "auto", "office": None, "min_cell": 3, "reports": None,
    "out": None, "jobs": min(2, os.cpu_count() or 1), "force": False,
    "time_limit": None,  # report.build.REPORT_TIME_LIMIT_SECONDS, imported when building
}


def _build_sets(args: argparse.Namespace) -> list[dict[str, object]]:
    """The report sets to build: the -f file's (or one), the command line's options over them."""
    from ikm_analysis.report.build import REPORT_TIME_LIMIT_SECONDS
    from ikm_analysis.report.parameter_file import read_build_file

    defaults = BUILD_DEFAULTS | {"time_limit": float(REPORT_TIME_LIMIT_SECONDS)}
    given = {key: getattr(args, key) for key in BUILD_DEFAULTS
             if getattr(args, key) is not None}
    if "year" in given:  # --year on the command line replaces the file's --all, and back
        given["all"] = False
    elif given.get("all"):
        given["year"] = None
    sets = read_build_file(args.parameters) if args.parameters is not None else [{}]
    return [defaults | found | given for found in sets]


def _build(args: argparse.Namespace) -> int:
    from ikm_analysis.report.build import build_reports, plan_reports, write_index
    from ikm_analysis.report.registry_cache import DEFAULT_CACHE_DIR

    sets = _build_sets(args)
    for options in sets:  # every set checked before any registry is read
        if not options["year"] and not options["all"]:
            raise ReportParameterError("build_which")
        if int(options["jobs"]) < 1:
            raise ReportParameterError("jobs", value=options["jobs"])
        if float(options["time_limit"]) <= 0:
            raise ReportParameterError("time_limit", value=options["time_limit"])
        if options["first_year"] is not None and not options["all"]:
            raise ReportParameterError("first_year_without_all")
    cache = args.cache if args.cache is not None else DEFAULT_CACHE_DIR
    failed_total, indexes = 0, {}
    for options in sets:
        kinds = options["reports"] or (REPORT_CHOICES if options["all"] else ("tahunan",))
        out = Path("reports") if options["out"] is None else Path(options["out"])
        number_format = options["number_format"]
        jobs = plan_reports(
            options["registry"], None if options["all"] else options["year"],
            lang=options["lang"], min_cell=options["min_cell"],
            export_year=options["export_year"], out_root=out,
            first_year=options["first_year"], kinds=kinds,
            edition_folder=options["out"] is None, office=options["office"],
            number_format=None if number_format == "auto" else number_format,
            cache_dir=cache)
        if options["registry"] is None:
            print("registry: bundled synthetic sample (DATA SINTETIS)")
        print(f"building {len(jobs)} reports, {options['jobs']} at a time")
        results = build_reports(jobs, workers=int(options["jobs"]), force=bool(options["force"]),
                                time_limit=float(options["time_limit"]), cache_dir=cache)
        # The site's index (reports/) is Indonesian; a folder of one's own, its edition's.
        indexes[out] = "id" if options["out"] is None else str(options["lang"])
        index = write_index(out, indexes[out])
        failed = [result for result in results if not result.ok]
        unchanged = sum(result.unchanged for result in results)
        built = len(results) - len(failed) - unchanged
        print(f"{built} built, {unchanged} unchanged, {len(failed)} failed; index: {index}")
        failed_total += len(failed)
    if len(sets) > 1:  # an index may list what a later set built (situs/ and situs/en/)
        for out, index_lang in indexes.items():
            write_index(out, index_lang)
    return EXIT_QUARANTINED if failed_total else EXIT_CLEAN


def _sample(args: argparse.Namespace) -> int:
    from ikm_analysis.sample.files import default_sample_dir, write_sample_files
    from ikm_analysis.sample.synthetic import SampleSpec

    folder = args.out if args.out is not None else default_sample_dir()
    spec = SampleSpec() if args.seed is None else SampleSpec(seed=args.seed)
    paths, workbook = write_sample_files(folder, spec)
    counts = workbook.counts()
    print(f"{paths.parquet}: {counts['clean']} units (DATA SINTETIS)")
    print(f"{paths.workbook}: {sum(counts.values())} rows, "
          f"{sum(counts.values()) - counts['clean']} to be quarantined")
    return EXIT_CLEAN


def _print_summary(processed: ProcessedRegistry, lang: str) -> None:
    from ikm_analysis.clean.issues import describe_reason

    labels = texts("cli_", lang)
    summary = processed.summary()
    for key in ("file", "sheet", "header_row", "rows_read", "rows_clean", "rows_quarantined",
                "blank_rows_skipped"):
        if summary[key] is not None:
            print(f"{labels[key]:<26}: {summary[key]}")
    if summary["sheets_read"] and len(summary["sheets_read"]) > 1:
        print(f"{labels['sheets_read']:<26}: {', '.join(summary['sheets_read'])}")
    for name, kind in summary["sheets_skipped"].items():
        print(f"{labels['sheets_skipped']:<26}: {name} ({text(f'sheet_{kind}', lang)})")
    for kind, count in summary["skipped_rows"].items():
        print(f"{labels['skipped_rows']:<26}: {count} {text(f'row_{kind}', lang)}")
    if summary["far_cells"]:
        print(f"{labels['far_cells']:<26}: {summary['far_cells']}")
    if summary["quarantined_rows_by_reason"]:
        print(f"{labels['by_reason']}:")
        for code, count in summary["quarantined_rows_by_reason"].items():
            print(f"  {count:>6}  {describe_reason(code, '', lang)}")
    print(f"{labels['columns']}:")
    for column in summary["columns"]:
        place = f"{column['sheet']}!" if column["sheet"] and len(summary["sheets_read"]) > 1 else ""
        field = " / ".join(text(f"field_{name}", lang)
                           for name in (column["field"] or "").split("/") if name)
        fate = text(f"fate_{column['fate']}", lang, field=field, instead=column["instead"])
        print(f"  {place}{column['column']:<4} {column['header'][:40]:<40} {fate}")
    for key in summary["assumptions"]:
        print(f"{labels['assumed']}: {text(f'assume_{key}', lang)}")


def _output_path(requested: Path | None, source: Path, default: Path, option: str) -> Path:
    """Where a table goes: as asked, else ``default``; never onto the registry itself."""
    target = requested if requested is not None else default
    if target.resolve() == source.resolve():
        raise ReportParameterError("same_file", option=option, file=source.name)
    return target


def _validate(args: argparse.Namespace) -> int:
    from ikm_analysis.clean.options import CleaningOptions
    from ikm_analysis.clean.registry import process_registry
    from ikm_analysis.io.write import write_table

    quarantine_file = _output_path(args.quarantine_file, args.path,
                                   args.path.with_name(f"{args.path.stem}_karantina.csv"),
                                   "--quarantine-file")
    clean_file = (None if args.clean_file is None else
                  _output_path(args.clean_file, args.path, args.clean_file, "--clean-file"))
    number_format = None if args.number_format == "auto" else args.number_format
    options = CleaningOptions(number_format=number_format, max_year=args.max_year)
    processed = process_registry(args.path, sheet=args.sheet, options=options, lang=args.lang)
    _print_summary(processed, args.lang)
    written = [write_table(processed.quarantine, quarantine_file)]
    if clean_file is not None:
        written.append(write_table(processed.clean, clean_file))
    for path in written:
        print(f"{text('cli_written', args.lang)}: {path}")
    return EXIT_QUARANTINED if processed.cleaning.rows_quarantined else EXIT_CLEAN


def _log_internal_error(error: BaseException) -> Path:
    """Write the traceback of an unexpected error to a log file; return its path."""
    import tempfile
    import time
    import traceback

    folder = Path(tempfile.gettempdir()) / "ikm-report"
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / f"galat-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    log.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    return log


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Args:
        argv: Arguments without the program name; ``sys.argv[1:]`` when ``None``.

    Returns:
        The exit code.
    """
    args = _build_parser().parse_args(argv)
    lang = getattr(args, "lang", None) or "id"
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        commands = {"sample": _sample, "validate": _validate, "build": _build}
        return commands[args.command](args)
    except IkmError as error:
        print(f"{text('cli_error', lang)}: {error.message(lang)}", file=sys.stderr)
        return EXIT_UNREADABLE
    except OSError as error:  # a file that cannot be written or read (permissions, disk full)
        print(f"{text('cli_error', lang)}: {error.filename or ''} {error.strerror or error}",
              file=sys.stderr)
        return EXIT_UNREADABLE
    except Exception as error:  # a bug: one sentence here, the details in a log
        print(text("error_internal", lang, log=_log_internal_error(error)), file=sys.stderr)
        return EXIT_INTERNAL


def run() -> int:
    """The ``ikm-report`` program: :func:`main` in a process set up for large registries.

    The allocator settings of :mod:`ikm_analysis._fast.allocator` are applied before any
    registry is read; :func:`main`, which tests and other code call, changes nothing.

    Returns:
        The exit code.
    """
    use_large_table_allocator()
    return main()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
