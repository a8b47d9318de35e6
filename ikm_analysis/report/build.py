"""Build reports: plan the jobs, run the notebooks with papermill, export HTML, move into place.

A build first reads and cleans the registry once, keeping the result for the kernels
(:mod:`ikm_analysis.report.registry_cache`), and checks every job's parameters (no kernel starts
for a typo). A report whose build key is the one it was built with is left as it is
(:mod:`ikm_analysis.report.freshness`). The other jobs run in parallel, each within a time
limit; a worker keeps its kernel for its next report (:mod:`ikm_analysis.report.warm_kernel`).
A job writes into a temporary folder inside the output folder; only when the notebook, HTML,
downloads, key figures and provenance are all written is the folder swapped in for the
previous report, so a failed build never overwrites a good report. The executed
notebook of a failed build is kept under ``failed/`` for debugging, and every run's kernel
output under ``logs/``. papermill writes the executed notebook once, when the run ends (not
after every cell, which cost a third of a second a report): a report stopped by its time limit
leaves no notebook, and its log shows how far it got.

Outputs (``reports/`` by default; English reports under ``reports/en/``)::

    2024/laporan_ikm_2024.html           the report, code hidden
    2024/laporan_ikm_2024.pdf            the same on A4 pages (print.css; ikm_analysis.report.pdf)
    2024/laporan_ikm_2024.ipynb          the executed notebook
    2024/key_figures.json                the key figures (JSON sidecar)
    2024/laporan_ikm_2024_tabel.xlsx     every table of the report, a sheet each (downloads)
    2024/laporan_ikm_2024_tabel_csv.zip  the same tables as CSV files, with their notes
    2024/provenance.json                 parameters, input SHA-256, row counts, versions, commit,
                                         the build key and seconds by stage
    logs/2024.log                        the kernel's output of the last run (not a report file)
    umkm_kalteng/..., kualitas_data/...  the province growth and data-quality reports
    index.html                           links to every report

Example:
    >>> jobs = plan_reports(None, years=[2024], out_root="reports")
    >>> [(job.label, job.folder.as_posix()) for job in jobs]
    [('2024', 'reports/2024'), ('umkm_kalteng', 'reports/umkm_kalteng'), \
('kualitas_data', 'reports/kualitas_data')]
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from multiprocessing import get_context
from pathlib import Path

from ikm_analysis._fast.allocator import large_table_settings
from ikm_analysis.exceptions import ReportParameterError
from ikm_analysis.i18n import text
from ikm_analysis.report.freshness import (
    build_key,
    code_fingerprint,
    environment_versions,
    is_up_to_date,
)
from ikm_analysis.report.kinds import REPORT_KINDS, notebooks_dir, report_files
from ikm_analysis.report.page import SiteLink, site_links
from ikm_analysis.report.parameters import (
    check_parameters,
    check_registry_file,
    declared_parameters,
)
from ikm_analysis.report.provenance import built_on, file_sha256, git_state
from ikm_analysis.report.registry_cache import CACHE_ENV, registry_facts, registry_key

# The modules that read frames and render pages (pandas, nbconvert, WeasyPrint) are imported
# where a report is written: a build that finds every report unchanged never loads them.

ANALYST_NOTES_TAG = "analyst-notes"
KERNEL_NAME = "python3"
#: The longest a report may take to build, in seconds, unless the build says otherwise.
REPORT_TIME_LIMIT_SECONDS = 900


@dataclass(frozen=True)
class ReportJob:
    """One report to build.

    Attributes:
        kind: Key of :data:`REPORT_KINDS`.
        notebook: The notebook to run.
        parameters: Values injected into its parameters cell.
        folder: Final output folder.
        stem: File name stem of the HTML and executed notebook.
        label: Short name for progress lines (``2024``, ``en/umkm_kalteng``).
        links: The page's links to the index, the years around it and the other edition.
        key: The build key of everything the report is made from
            (:mod:`ikm_analysis.report.freshness`); empty when not computed.
    """

    kind: str
    notebook: Path
    parameters: dict[str, object]
    folder: Path
    stem: str
    label: str
    links: tuple[SiteLink, ...] = ()
    key: str = ""

    @property
    def page(self) -> Path:
        """The report's HTML file."""
        return self.folder / f"{self.stem}.html"

    @property
    def files(self) -> tuple[str, ...]:
        """The names of every file the report writes into its folder."""
        return report_files(self.stem)

    @property
    def log_file(self) -> Path:
        """The kernel's output of the last build of this report, in ``logs/`` of the root."""
        return self.folder.parent / "logs" / f"{self.folder.name}.log"


@dataclass(frozen=True)
class BuildResult:
    """What became of one job.

    Attributes:
        job: The job.
        ok: Whether the report is in place (built now, or unchanged).
        seconds: Wall time of the job.
        html: The report's HTML file (when ok).
        failed_notebook: The executed notebook kept for debugging (when failed and it exists).
        error: One-line description of the failure.
        unchanged: The report was already up to date and was not built again.
        log: The kernel's output (when the report was run).
    """

    job: ReportJob
    ok: bool
    seconds: float
    html: Path | None = None
    failed_notebook: Path | None = None
    error: str | None = None
    unchanged: bool = False
    log: Path | None = None


def plan_reports(registry_path: str | Path | None, years: Sequence[int] | None = None,
                 lang: str = "id", min_cell: int = 3, export_year: int | None = None,
                 out_root: str | Path = "reports", first_year: int | None = None,
                 kinds: Sequence[str] = tuple(REPORT_KINDS),
                 notebook_folder: str | Path | None = None,
                 number_format: str | None = None,
                 edition_folder: bool = True, office: str | None = None,
                 cache_dir: str | Path | None = None) -> list[ReportJob]:
    """Read the registry once, check every parameter, and list the jobs with their build keys.

    Args:
        registry_path: Registry export; the bundled synthetic sample when ``None``.
        years: Report years; every year of :meth:`ReportRegistry.report_years` when ``None``.
        lang: ``"id"`` or ``"en"``.
        min_cell: Fewest units a shown cell may stand for.
        export_year: Latest acceptable year in cleaning (see :mod:`ikm_analysis.report.inputs`).
        out_root: Output root; English reports go to ``<out_root>/en`` (see ``edition_folder``).
        first_year: With ``years=None``, the earliest year to report.
        kinds: Which reports to build (keys of :data:`REPORT_KINDS`).
        notebook_folder: Where the notebooks are; :func:`notebooks_dir` by default.
        number_format: How the registry's numbers written as text are read (``id``, ``en``);
            told from each column's cells when ``None``.
        office: The office that exported the registry, named in the provenance block.
        edition_folder: Whether English reports go to ``<out_root>/en`` (the site layout of
            ``reports/``); with ``False`` every report goes into ``out_root`` itself.
        cache_dir: Where the registry read and cleaned is kept for the build's kernels
            (:mod:`ikm_analysis.report.registry_cache`); with ``None`` nothing is kept.

    Returns:
        The jobs, yearly reports first.

    Raises:
        ReportParameterError: A parameter is wrong (unknown, out of range, unreadable file).
    """
    unknown = sorted(set(kinds) - set(REPORT_KINDS))
    if unknown:
        raise ReportParameterError("unknown_report", names=str(unknown),
                                   known=str(sorted(REPORT_KINDS)))
    request = {"lang": lang, "min_cell": min_cell, "number_format": number_format,
               "office": office}
    check_parameters(request, request)  # before the registry is read
    if registry_path is not None:
        registry_path = check_registry_file(registry_path).resolve()
    root = Path(out_root) / ("en" if lang == "en" and edition_folder else "")
    folder = Path(notebook_folder) if notebook_folder is not None else notebooks_dir()
    data_years, registry_entry = None, None
    if any(REPORT_KINDS[kind].uses_registry for kind in kinds):
        facts = _registry_facts(registry_path, export_year, number_format, lang, cache_dir)
        export_year, data_years = facts.export_year, facts.data_years
        registry_entry = registry_key(registry_path, export_year, number_format, None, lang)[1]
        if years is None:
            years = facts.report_years(first_year)
            if not years and "tahunan" in kinds:
                raise ReportParameterError(
                    "no_report_years", first=first_year, last=data_years[1],
                    data_first=data_years[0], data_last=data_years[1])
    years = list(years or [])
    jobs = []
    for kind in kinds:
        spec = REPORT_KINDS[kind]
        shared = {"lang": lang}
        if spec.uses_registry:
            shared |= {"registry_path": None if registry_path is None else str(registry_path),
                       "number_format": number_format,
                       "export_year": export_year, "office": office}
        notebook = folder / spec.notebook
        declared = declared_parameters(notebook)  # read each notebook once, not once per year
        for year in (years if spec.yearly else [None]):
            parameters = dict(shared)
            if spec.yearly:
                parameters |= {"year": year, "min_cell": min_cell}
            check_parameters(parameters, declared, data_years)
            name = spec.folder_name(year)
            jobs.append(ReportJob(kind, notebook, parameters, root / name, spec.file_stem(year),
                                  f"en/{name}" if lang == "en" else name))
    other_root = (Path(out_root) / ("" if lang == "en" else "en")) if edition_folder else None
    common = _common_key_parts()
    notebooks = {kind: file_sha256(folder / REPORT_KINDS[kind].notebook) for kind in kinds}
    planned = []
    for job in jobs:
        job = replace(job, links=tuple(_site_links(job, jobs, Path(out_root), other_root)))
        registry = registry_entry if REPORT_KINDS[job.kind].uses_registry else None
        planned.append(replace(job, key=_job_key(job, notebooks[job.kind], registry, common)))
    return planned


def _registry_facts(registry_path: Path | None, export_year: int | None,
                    number_format: str | None, lang: str, cache_dir: str | Path | None):
    """The registry's years; when they cannot be told, the registry's own error is raised."""
    from ikm_analysis.report.registry_cache import cached_report_registry

    facts = registry_facts(registry_path, export_year, number_format, lang, cache_dir)
    if facts.data_years is None:  # no registration years, no clean row: say which
        cached_report_registry(registry_path, export_year, None, lang, number_format,
                               folder=cache_dir).data_years()
    return facts


def _common_key_parts() -> dict[str, object]:
    """The parts of a build key every report of a build shares."""
    return {"code": code_fingerprint(), "versions": environment_versions(),
            "git": git_state(), "built_on": built_on(), "kernel": KERNEL_NAME}


def _job_key(job: ReportJob, notebook_sha: str, registry_entry: str | None,
             common: dict[str, object]) -> str:
    """The build key of one report (:mod:`ikm_analysis.report.freshness`).

    ``registry_entry``: the key of the registry's cache entry (file SHA-256, options, code).
    """
    return build_key(common | {
        "kind": job.kind, "stem": job.stem, "parameters": job.parameters,
        "links": [(link.role, link.href, link.year) for link in job.links],
        "notebook": notebook_sha, "registry": registry_entry})


def _site_links(job: ReportJob, jobs: Sequence[ReportJob], site_root: Path,
                other_root: Path | None) -> list[SiteLink]:
    """Links to pages that exist or are built now: the years around, the other edition."""
    planned = {other.page for other in jobs}
    spec = REPORT_KINDS[job.kind]

    def page_of(root: Path, year: int | None) -> Path | None:
        page = spec.page(root, year)
        return page if page in planned or page.is_file() else None

    around = {}
    if spec.yearly:
        year = int(job.parameters["year"])
        around = {"previous": page_of(job.folder.parent, year - 1),
                  "next_page": page_of(job.folder.parent, year + 1)}
    other = None
    if other_root is not None:
        other = page_of(other_root, job.parameters.get("year"))
    return site_links(job.page, site_root, other_edition=other, **around)


def normalise_notebook(notebook: object, kernel_name: str = KERNEL_NAME) -> None:
    """Drop what differs between two runs of the same inputs: times, durations, temp paths.

    Example:
        >>> import nbformat
        >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
        >>> nb.metadata["papermill"] = {"start_time": "2026-11-24T10:00", "parameters": {}}
        >>> nb.cells[0].metadata["execution"] = {"iopub.status.busy": "2026-11-24T10:00"}
        >>> normalise_notebook(nb)
        >>> dict(nb.metadata["papermill"]), dict(nb.cells[0].metadata)
        ({'parameters': {}}, {})
    """
    papermill = notebook.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "input_path", "output_path",
                "environment_variables", "exception"):
        papermill.pop(key, None)
    notebook.metadata.setdefault("kernelspec", {})["name"] = kernel_name
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id


def export_html(notebook: object, title: str) -> str:
    """The notebook as HTML with code, prompts and analyst notes hidden."""
    body, _ = _html_exporter().from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return body


@cache
def _html_exporter() -> object:
    """The reports' nbconvert exporter, made once per process (it compiles its templates)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    from ikm_analysis.report.downloads import TABLES_TAG
    from ikm_analysis.report.key_figures import KEY_FIGURES_TAG

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {ANALYST_NOTES_TAG, KEY_FIGURES_TAG,
                                                      TABLES_TAG}
    config.HTMLExporter.exclude_input = True
    config.HTMLExporter.exclude_input_prompt = True
    config.HTMLExporter.exclude_output_prompt = True
    return HTMLExporter(config=config, template_name="lab")


def _kernel_environment(cache_dir: Path | None) -> dict[str, str]:
    """What the build's kernels get in their environment."""
    # A kernel reads registries and builds reports (ikm_analysis._fast.allocator).
    env = dict(large_table_settings())
    if cache_dir is not None:
        env[CACHE_ENV] = str(cache_dir.resolve())
    return env


def _kernel_spec_dir(folder: Path, cache_dir: Path | None = None) -> Path:
    """A kernel spec running this very interpreter, so the kernel sees this environment.

    The kernel gets :func:`_kernel_environment`: the allocator settings of
    :mod:`ikm_analysis._fast.allocator` and, with ``cache_dir``, the build's registry cache
    (:mod:`ikm_analysis.report.registry_cache`). It keeps no IPython history: a build's cells
    are not the analyst's, and two kernels writing the same history file wait for each other.
    """
    spec = folder / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                 "--IPKernelApp.log_level=ERROR",  # not the start-up chatter, 7 times over
                 "--HistoryManager.enabled=False"],
        "display_name": "Python 3 (ikm-analysis build)", "language": "python",
        "env": _kernel_environment(cache_dir)}))
    return folder


def _swap_in(built: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".old-{target.name}-", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(built, target)
    if old is not None:
        shutil.rmtree(old)


def _cell_seconds(notebook: object) -> float:
    """Seconds the notebook's cells ran, as papermill recorded them."""
    return sum(float(cell.metadata.get("papermill", {}).get("duration") or 0)
               for cell in notebook.cells)


def _write_outputs(job: ReportJob, executed: Path, folder: Path, started: float,
                   notebook_seconds: float) -> None:
    import nbformat

    from ikm_analysis.report.downloads import read_tables, with_download_links, write_downloads
    from ikm_analysis.report.key_figures import key_figures_text, read_key_figures
    from ikm_analysis.report.page import finish_page
    from ikm_analysis.report.pdf import with_print_style, write_pdf
    from ikm_analysis.report.provenance import provenance_json, read_provenance

    stages: dict[str, float] = {}
    clock = time.monotonic()

    def stage(name: str) -> None:
        nonlocal clock
        now = time.monotonic()
        stages[name] = round(now - clock, 2)
        clock = now

    notebook = nbformat.read(executed, as_version=4)
    cells = _cell_seconds(notebook)
    stages |= {"kernel_start": round(max(notebook_seconds - cells, 0.0), 2),
               "cells": round(cells, 2)}
    normalise_notebook(notebook)
    nbformat.write(notebook, executed)
    figures = read_key_figures(notebook)
    title = str(figures.get("title", job.stem))
    tables = read_tables(notebook)
    stage("notebook_file")
    write_downloads(tables, folder, job.stem)
    stage("downloads")
    page = export_html(with_download_links(notebook, job.stem, tables["lang"]), title)
    page = finish_page(page, str(job.parameters["lang"]), job.links)
    html_file = folder / f"{job.stem}.html"
    html_file.write_text(with_print_style(page, synthetic=bool(figures.get("synthetic"))),
                         encoding="utf-8")
    stage("html")
    write_pdf(html_file)  # <stem>.pdf, A4, from the page as written
    stage("pdf")
    (folder / "key_figures.json").write_text(key_figures_text(figures) + "\n", encoding="utf-8")
    record = read_provenance(notebook)
    record["build"] = {"seconds": round(time.monotonic() - started, 1), "built_on": built_on(),
                       "finished_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                       "key": job.key, "seconds_by_stage": stages}
    logging.getLogger("papermill").info(
        "seconds by stage: %s", ", ".join(f"{name} {value:.2f}" for name, value in stages.items()))
    (folder / "provenance.json").write_text(provenance_json(record), encoding="utf-8")


class ReportTimeLimitError(Exception):
    """A report took longer than its time limit."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ReportTimeLimitError` in this (main) thread after ``seconds``.

    Uses ``SIGALRM``: where there is none (Windows) the limit applies to each cell instead
    (papermill's ``execution_timeout``, set by :func:`run_job`).
    """
    if not seconds or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise ReportTimeLimitError(f"time limit of {seconds:g} s exceeded")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _kernel_log(log_file: Path) -> Iterator[None]:
    """Send the kernel's output into ``log_file``: every cell's, and the kernel's own stderr.

    papermill's record of each cell (``log_output``) goes through its logger; the kernel
    process inherits this process's file descriptor 2, pointed at the log while the report
    runs, so its start-up and shutdown messages (jupyter_client interrupts every kernel before
    shutting it down, which ipykernel may log as ``KeyboardInterrupt caught in kernel``) stay
    off the terminal. Python's ``sys.stderr`` keeps writing to the terminal (progress bars).
    """
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_file, mode="w", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("papermill")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    terminal = os.dup(2)
    with log_file.open("ab") as stream:
        os.dup2(stream.fileno(), 2)
    python_stderr = sys.stderr
    sys.stderr = open(terminal, "w", closefd=False, encoding="utf-8")  # noqa: SIM115
    try:
        yield
    finally:
        sys.stderr.flush()
        sys.stderr = python_stderr
        os.dup2(terminal, 2)
        os.close(terminal)
        logger.removeHandler(handler)
        logger.setLevel(level)
        handler.close()


def run_job(job: ReportJob, cell_progress: dict | bool = False,
            time_limit: float | None = REPORT_TIME_LIMIT_SECONDS,
            cache_dir: Path | None = None, keep_kernel: bool = False) -> BuildResult:
    """Build one report; never raises for a notebook error (the result says what failed).

    Args:
        job: The job.
        cell_progress: papermill's progress bar: ``False``, ``True`` or tqdm options.
        time_limit: Seconds the report may take; ``None`` for no limit.
        cache_dir: The build's registry cache, for the kernel.
        keep_kernel: Keep the kernel running for this process's next report
            (:mod:`ikm_analysis.report.warm_kernel`; the build's workers do); otherwise it is
            shut down when the report is done.
    """
    import papermill

    from ikm_analysis.report.warm_kernel import WORKER_KERNEL

    started = time.monotonic()
    out_root = job.folder.parent.resolve()  # absolute: the kernel runs in notebooks/
    out_root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".build-{job.folder.name}-", dir=out_root))
    built = work / job.folder.name
    built.mkdir()
    executed = built / f"{job.stem}.ipynb"
    log_file = job.log_file
    jupyter_path = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(_kernel_spec_dir(work / "jupyter", cache_dir)), jupyter_path or ""])
    try:
        with _kernel_log(log_file), _time_limit(time_limit):
            kernel = WORKER_KERNEL.ready(KERNEL_NAME, _kernel_environment(cache_dir),
                                         job.notebook.parent)
            try:
                papermill.execute_notebook(
                    str(job.notebook), str(executed), parameters=job.parameters,
                    kernel_name=KERNEL_NAME, language="python", progress_bar=cell_progress,
                    log_output=True, cwd=str(job.notebook.parent), km=kernel,
                    execution_timeout=math.ceil(time_limit) if time_limit else None,
                    request_save_on_cell_execute=False)  # written once, at the end
            except BaseException:
                WORKER_KERNEL.after_report(keep=False)  # a failed kernel is not handed on
                raise
            WORKER_KERNEL.after_report(keep=keep_kernel)
            _write_outputs(job, executed, built, started, time.monotonic() - started)
        _swap_in(built, job.folder)
        return BuildResult(job, True, time.monotonic() - started, html=job.page, log=log_file)
    except Exception as error:
        kept = None
        if executed.exists():
            failed = out_root / "failed" / job.folder.name
            shutil.rmtree(failed, ignore_errors=True)
            failed.mkdir(parents=True)
            kept = failed / executed.name
            os.replace(executed, kept)
        message = str(error).strip().splitlines()
        summary = f"{type(error).__name__}: {message[-1] if message else ''}"
        with log_file.open("a", encoding="utf-8") as log:
            log.write(f"FAILED {summary}\n")
        return BuildResult(job, False, time.monotonic() - started, failed_notebook=kept,
                           error=summary, log=log_file)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if jupyter_path is None:
            os.environ.pop("JUPYTER_PATH", None)
        else:
            os.environ["JUPYTER_PATH"] = jupyter_path


def _result_line(result: BuildResult, done: int, total: int) -> str:
    seconds = f"{result.seconds:.1f} s"
    if result.unchanged:
        unchanged = text("build_unchanged", str(result.job.parameters.get("lang", "id")))
        return f"= [{done}/{total}] {result.job.label}: {result.html} ({unchanged})"
    if result.ok:
        return f"✔ [{done}/{total}] {result.job.label}: {result.html} ({seconds})"
    kept = f"; notebook kept: {result.failed_notebook}" if result.failed_notebook else ""
    log = f"; log: {result.log}" if result.log else ""
    return (f"✘ [{done}/{total}] {result.job.label}: FAILED {result.error}{kept}{log} "
            f"({seconds})")


def build_reports(jobs: Sequence[ReportJob], workers: int = 2,
                  report: Callable[[str], None] = print,
                  cell_progress: bool | None = None, force: bool = False,
                  time_limit: float | None = REPORT_TIME_LIMIT_SECONDS,
                  cache_dir: str | Path | None = None) -> list[BuildResult]:
    """Run the jobs, ``workers`` at a time, reporting each as it finishes.

    A job whose report is up to date (its build key is the one in its ``provenance.json`` and
    all its files are there; :mod:`ikm_analysis.report.freshness`) is not run unless ``force``.

    Args:
        jobs: From :func:`plan_reports`.
        workers: Reports built at once (each worker a process with its kernel).
        report: Receives one progress line per finished report.
        cell_progress: Per-report cell progress bars; by default only on a terminal.
        force: Build every report, changed or not.
        time_limit: Seconds each report may take; ``None`` for no limit.
        cache_dir: The registry cache :func:`plan_reports` wrote, for the kernels.

    Returns:
        One result per job, in job order.
    """
    results: dict[int, BuildResult] = {}
    to_run = []
    for index, job in enumerate(jobs):
        if not force and job.key and is_up_to_date(job.folder, job.files, job.key):
            results[index] = BuildResult(job, True, 0.0, html=job.page, unchanged=True)
            report(_result_line(results[index], len(results), len(jobs)))
        else:
            to_run.append(index)
    if not to_run:
        return [results[index] for index in range(len(jobs))]
    if cell_progress is None:
        cell_progress = sys.stderr.isatty()
    _warm_font_cache()
    cache = None if cache_dir is None else Path(cache_dir)
    context = get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(to_run))),
                             mp_context=context) as pool:
        futures = {}
        for position, index in enumerate(to_run):
            job = jobs[index]
            bars = ({"desc": job.label, "position": position % max(1, workers), "leave": False}
                    if cell_progress else False)
            futures[pool.submit(run_job, job, bars, time_limit, cache, True)] = index
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            report(_result_line(result, len(results), len(jobs)))
    return [results[index] for index in range(len(jobs))]


def _warm_font_cache() -> None:
    """Build matplotlib's font cache once, so no kernel prints 'building the font cache'."""
    import matplotlib.font_manager  # noqa: F401


def write_index(out_root: str | Path, lang: str = "id") -> Path:
    """Write ``index.html`` listing every report under ``out_root`` (both editions, apart).

    ``lang`` is the index page's language (the site's default, Indonesian, unless a folder holds
    one edition of another language; :func:`~ikm_analysis.report.site_index.index_html`).
    """
    from ikm_analysis.report.site_index import index_entries, index_html

    root = Path(out_root)
    english = [replace(entry, href=f"en/{entry.href}") for entry in index_entries(root / "en")]
    index = root / "index.html"
    root.mkdir(parents=True, exist_ok=True)
    index.write_text(index_html({"id": index_entries(root), "en": english}, lang),
                     encoding="utf-8")
    return index
