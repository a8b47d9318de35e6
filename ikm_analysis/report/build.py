"""Build reports: plan the jobs, run the notebooks with papermill, export HTML, move into place.

A build first reads the registry once and checks every job's parameters (no kernel starts for a
typo). Jobs then run in parallel, one kernel each. A job writes into a temporary folder inside
the output folder; only when the notebook, HTML, downloads, key figures and provenance are all
written is the folder swapped in for the previous report, so a failed build never overwrites a
good report. The executed notebook of a failed build is kept under ``failed/`` for debugging.

Outputs (``reports/`` by default; English reports under ``reports/en/``)::

    2024/laporan_ikm_2024.html           the report, code hidden
    2024/laporan_ikm_2024.pdf            the same on A4 pages (print.css; ikm_analysis.report.pdf)
    2024/laporan_ikm_2024.ipynb          the executed notebook
    2024/key_figures.json                the key figures (JSON sidecar)
    2024/laporan_ikm_2024_tabel.xlsx     every table of the report, a sheet each (downloads)
    2024/laporan_ikm_2024_tabel_csv.zip  the same tables as CSV files, with their notes
    2024/provenance.json                 parameters, input SHA-256, row counts, versions, commit
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
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path

from ikm_analysis._fast.allocator import large_table_settings
from ikm_analysis.exceptions import ReportParameterError
from ikm_analysis.report.downloads import (
    TABLES_TAG,
    read_tables,
    with_download_links,
    write_downloads,
)
from ikm_analysis.report.inputs import load_report_registry
from ikm_analysis.report.key_figures import KEY_FIGURES_TAG, key_figures_text, read_key_figures
from ikm_analysis.report.kinds import REPORT_KINDS, notebooks_dir
from ikm_analysis.report.page import SiteLink, finish_page, site_links
from ikm_analysis.report.parameters import (
    check_parameters,
    check_registry_file,
    declared_parameters,
)
from ikm_analysis.report.pdf import with_print_style, write_pdf
from ikm_analysis.report.provenance import built_on, provenance_json, read_provenance

ANALYST_NOTES_TAG = "analyst-notes"
KERNEL_NAME = "python3"
CELL_TIMEOUT_SECONDS = 900


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
    """

    kind: str
    notebook: Path
    parameters: dict[str, object]
    folder: Path
    stem: str
    label: str
    links: tuple[SiteLink, ...] = ()

    @property
    def page(self) -> Path:
        """The report's HTML file."""
        return self.folder / f"{self.stem}.html"


@dataclass(frozen=True)
class BuildResult:
    """What became of one job.

    Attributes:
        job: The job.
        ok: Whether the report was built and moved into place.
        seconds: Wall time of the job.
        html: The report's HTML file (when ok).
        failed_notebook: The executed notebook kept for debugging (when failed and it exists).
        error: One-line description of the failure.
    """

    job: ReportJob
    ok: bool
    seconds: float
    html: Path | None = None
    failed_notebook: Path | None = None
    error: str | None = None


def plan_reports(registry_path: str | Path | None, years: Sequence[int] | None = None,
                 lang: str = "id", min_cell: int = 3, export_year: int | None = None,
                 out_root: str | Path = "reports", first_year: int | None = None,
                 kinds: Sequence[str] = tuple(REPORT_KINDS),
                 notebook_folder: str | Path | None = None,
                 number_format: str | None = None,
                 edition_folder: bool = True, office: str | None = None) -> list[ReportJob]:
    """Read the registry once, check every parameter, and list the jobs.

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
    registry = None
    if any(REPORT_KINDS[kind].uses_registry for kind in kinds):
        registry = load_report_registry(registry_path, export_year,
                                        number_format=number_format)
        export_year = registry.export_year
    data_years = registry.data_years() if registry is not None else None
    if years is None:
        years = registry.report_years(first_year) if registry is not None else []
        if not years and "tahunan" in kinds and data_years is not None:
            raise ReportParameterError("no_report_years", first=first_year, last=data_years[1],
                                       data_first=data_years[0], data_last=data_years[1])
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
            name = spec.folder.format(year=year)
            jobs.append(ReportJob(kind, notebook, parameters, root / name,
                                  spec.stem.format(year=year),
                                  f"en/{name}" if lang == "en" else name))
    other_root = (Path(out_root) / ("" if lang == "en" else "en")) if edition_folder else None
    return [replace(job, links=tuple(_site_links(job, jobs, Path(out_root), other_root)))
            for job in jobs]


def _site_links(job: ReportJob, jobs: Sequence[ReportJob], site_root: Path,
                other_root: Path | None) -> list[SiteLink]:
    """Links to pages that exist or are built now: the years around, the other edition."""
    planned = {other.page for other in jobs}
    spec = REPORT_KINDS[job.kind]

    def page_of(root: Path, year: int | None) -> Path | None:
        name = spec.folder.format(year=year)
        page = root / name / f"{spec.stem.format(year=year)}.html"
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
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {ANALYST_NOTES_TAG, KEY_FIGURES_TAG,
                                                      TABLES_TAG}
    config.HTMLExporter.exclude_input = True
    config.HTMLExporter.exclude_input_prompt = True
    config.HTMLExporter.exclude_output_prompt = True
    exporter = HTMLExporter(config=config, template_name="lab")
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return body


def _kernel_spec_dir(folder: Path) -> Path:
    """A kernel spec running this very interpreter, so the kernel sees this environment.

    The kernel also gets the allocator settings of :mod:`ikm_analysis._fast.allocator`.
    """
    spec = folder / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                 "--IPKernelApp.log_level=ERROR"],  # not the start-up chatter, 7 times over
        "display_name": "Python 3 (ikm-analysis build)", "language": "python",
        # A kernel reads one registry, builds one report and exits (ikm_analysis._fast.allocator).
        "env": large_table_settings()}))
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


def _write_outputs(job: ReportJob, executed: Path, folder: Path, started: float) -> None:
    import nbformat

    notebook = nbformat.read(executed, as_version=4)
    normalise_notebook(notebook)
    nbformat.write(notebook, executed)
    figures = read_key_figures(notebook)
    title = str(figures.get("title", job.stem))
    tables = read_tables(notebook)
    write_downloads(tables, folder, job.stem)
    page = export_html(with_download_links(notebook, job.stem, tables["lang"]), title)
    page = finish_page(page, str(job.parameters["lang"]), job.links)
    html_file = folder / f"{job.stem}.html"
    html_file.write_text(with_print_style(page, synthetic=bool(figures.get("synthetic"))),
                         encoding="utf-8")
    write_pdf(html_file)  # <stem>.pdf, A4, from the page as written
    (folder / "key_figures.json").write_text(key_figures_text(figures) + "\n", encoding="utf-8")
    record = read_provenance(notebook)
    record["build"] = {"seconds": round(time.monotonic() - started, 1), "built_on": built_on(),
                       "finished_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    (folder / "provenance.json").write_text(provenance_json(record), encoding="utf-8")


def run_job(job: ReportJob, cell_progress: dict | bool = False) -> BuildResult:
    """Build one report; never raises for a notebook error (the result says what failed).

    Args:
        job: The job.
        cell_progress: papermill's progress bar: ``False``, ``True`` or tqdm options.
    """
    import papermill

    started = time.monotonic()
    out_root = job.folder.parent.resolve()  # absolute: the kernel runs in notebooks/
    out_root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".build-{job.folder.name}-", dir=out_root))
    built = work / job.folder.name
    built.mkdir()
    executed = built / f"{job.stem}.ipynb"
    jupyter_path = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(_kernel_spec_dir(work / "jupyter")), jupyter_path or ""])
    try:
        papermill.execute_notebook(
            str(job.notebook), str(executed), parameters=job.parameters,
            kernel_name=KERNEL_NAME, language="python", progress_bar=cell_progress,
            cwd=str(job.notebook.parent), execution_timeout=CELL_TIMEOUT_SECONDS)
        _write_outputs(job, executed, built, started)
        _swap_in(built, job.folder)
        return BuildResult(job, True, time.monotonic() - started,
                           html=job.folder / f"{job.stem}.html")
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
        return BuildResult(job, False, time.monotonic() - started, failed_notebook=kept,
                           error=summary)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if jupyter_path is None:
            os.environ.pop("JUPYTER_PATH", None)
        else:
            os.environ["JUPYTER_PATH"] = jupyter_path


def _result_line(result: BuildResult, done: int, total: int) -> str:
    seconds = f"{result.seconds:.1f} s"
    if result.ok:
        return f"✔ [{done}/{total}] {result.job.label}: {result.html} ({seconds})"
    kept = f"; notebook kept: {result.failed_notebook}" if result.failed_notebook else ""
    return f"✘ [{done}/{total}] {result.job.label}: FAILED {result.error}{kept} ({seconds})"


def build_reports(jobs: Sequence[ReportJob], workers: int = 2,
                  report: Callable[[str], None] = print,
                  cell_progress: bool | None = None) -> list[BuildResult]:
    """Run the jobs, ``workers`` at a time, reporting each as it finishes.

    Args:
        jobs: From :func:`plan_reports`.
        workers: Reports built at once (each in its own process and kernel).
        report: Receives one progress line per finished report.
        cell_progress: Per-report cell progress bars; by default only on a terminal.

    Returns:
        One result per job, in job order.
    """
    if cell_progress is None:
        cell_progress = sys.stderr.isatty()
    _warm_font_cache()
    results: dict[int, BuildResult] = {}
    context = get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=context) as pool:
        futures = {}
        for index, job in enumerate(jobs):
            bars = ({"desc": job.label, "position": index % max(1, workers), "leave": False}
                    if cell_progress else False)
            futures[pool.submit(run_job, job, bars)] = index
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            report(_result_line(result, len(results), len(jobs)))
    return [results[index] for index in range(len(jobs))]


def _warm_font_cache() -> None:
    """Build matplotlib's font cache once, so no kernel prints 'building the font cache'."""
    import matplotlib.font_manager  # noqa: F401


def write_index(out_root: str | Path) -> Path:
    """Write ``index.html`` listing every report under ``out_root`` (both editions, apart)."""
    from ikm_analysis.report.site_index import index_entries, index_html

    root = Path(out_root)
    english = [replace(entry, href=f"en/{entry.href}") for entry in index_entries(root / "en")]
    index = root / "index.html"
    index.write_text(index_html({"id": index_entries(root), "en": english}, "id"),
                     encoding="utf-8")
    return index
