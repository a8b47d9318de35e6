"""A registry read and cleaned once per build: every report of the build reads the same result.

A build reads and cleans the registry when it plans the reports, and keeps the result in a cache
folder: one entry per key, the SHA-256 of the file's bytes, its path, the cleaning options
(export year, number format, sheet, language of the reasons), the package's code
(:func:`~ikm_analysis.report.freshness.code_fingerprint`) and the versions of the packages that
made it. The report kernels find the folder in
the environment variable ``IKM_ANALYSIS_CACHE`` (set in the build's kernel spec), so each reads
the entry instead of the file; a notebook run in JupyterLab without it reads the file itself.

An entry is two files: ``registry.pickle`` (the :class:`ReportRegistry`, raw rows included, so
personal data: the folder is outside ``reports/`` and git-ignored, and safe to delete at any
time) and ``facts.json`` (the export, status and data years a build plans with, read without
pandas). Pickle is used because the entry is the very object the notebook would build, frames,
issues and column fates together; the cache is written and read only by this package on this
machine. Writing a new entry for a file removes the older entries of the same file.

The default folder is ``.cache/ikm-analysis`` in the current folder (``make report``: the
checkout, where ``.gitignore`` lists ``.cache/``).

Example:
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> first = cached_report_registry(None, folder=folder)
    >>> again = cached_report_registry(None, folder=folder)  # read from the cache
    >>> again.clean.equals(first.clean), len(list(folder.iterdir()))
    (True, 1)
    >>> registry_facts(None, folder=folder).data_years
    (2005, 2024)
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ikm_analysis.report.freshness import build_key, code_fingerprint, environment_versions
from ikm_analysis.report.registry_file import (
    report_export_year,
    resolve_registry_path,
    years_to_report,
)

if TYPE_CHECKING:
    from ikm_analysis.report.inputs import ReportRegistry

logger = logging.getLogger(__name__)

#: The environment variable naming the cache folder of a build's kernels.
CACHE_ENV = "IKM_ANALYSIS_CACHE"
#: The cache folder when none is given, relative to the current folder.
DEFAULT_CACHE_DIR = Path(".cache") / "ikm-analysis"
#: Raised with every change to what an entry holds.
ENTRY_FORMAT = 1


@dataclass(frozen=True)
class RegistryFacts:
    """What a build plans with: the registry's years, without its rows.

    Attributes:
        export_year: The latest acceptable year in cleaning.
        status_year: The year the ``status`` column describes.
        data_years: First and last reportable year; ``None`` when they cannot be told (no
            registration years, no clean row): the build then reads the registry for the error.
    """

    export_year: int
    status_year: int
    data_years: tuple[int, int] | None

    def report_years(self, first_year: int | None = None) -> list[int]:
        """As :meth:`ikm_analysis.report.inputs.ReportRegistry.report_years`.

        Example:
            >>> RegistryFacts(2024, 2024, (2005, 2024)).report_years()
            [2020, 2021, 2022, 2023, 2024]
        """
        if self.data_years is None:
            raise ValueError("the registry's years are unknown")
        return years_to_report(self.data_years, first_year)


def _sha256(path: Path) -> str:
    """The file's SHA-256, read once per process while its size and modification time hold."""
    stat = path.stat()
    return _sha256_of(path, stat.st_size, stat.st_mtime_ns)


@cache
def _sha256_of(path: Path, size: int, mtime_ns: int) -> str:
    from ikm_analysis.report.provenance import file_sha256

    return file_sha256(path)


def registry_key(registry_path: str | Path | None, export_year: int | None = None,
                 number_format: str | None = None, sheet: str | None = None,
                 lang: str = "id") -> tuple[Path, str]:
    """The file a report reads and the key of its cache entry.

    Example:
        >>> path, key = registry_key(None)
        >>> path.name, len(key)
        ('registri_ikm_sintetis_berantakan.xlsx', 64)
        >>> registry_key(None, number_format="id")[1] != key
        True
    """
    path = resolve_registry_path(registry_path).resolve()
    return path, build_key({
        "format": ENTRY_FORMAT, "file": str(path), "sha256": _sha256(path),
        "export_year": report_export_year(registry_path, export_year),
        "number_format": number_format, "sheet": sheet, "lang": lang,
        "code": code_fingerprint(), "versions": environment_versions()})


def cache_folder(folder: str | Path | None = None) -> Path | None:
    """The cache folder: ``folder``, else ``$IKM_ANALYSIS_CACHE``, else ``None`` (no cache).

    Example:
        >>> cache_folder("/tmp/cache").as_posix()
        '/tmp/cache'
    """
    if folder is not None:
        return Path(folder)
    named = os.environ.get(CACHE_ENV)
    return Path(named) if named else None


def _facts_of(registry: ReportRegistry) -> RegistryFacts:
    from ikm_analysis.exceptions import ReportParameterError

    try:
        years = registry.data_years()
    except (ValueError, ReportParameterError):
        years = None
    return RegistryFacts(registry.export_year, registry.status_year, years)


def _write_entry(folder: Path, key: str, path: Path, registry: ReportRegistry) -> None:
    """Write the entry whole (a temporary folder renamed into place), then drop older ones."""
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".new-", dir=folder))
    facts = _facts_of(registry)
    try:
        with (work / "registry.pickle").open("wb") as stream:
            pickle.dump(registry, stream, protocol=pickle.HIGHEST_PROTOCOL)
        (work / "facts.json").write_text(json.dumps({
            "file": str(path), "export_year": facts.export_year,
            "status_year": facts.status_year, "data_years": facts.data_years}), encoding="utf-8")
    except OSError:  # a disk full: no half entry left behind
        shutil.rmtree(work, ignore_errors=True)
        raise
    try:
        os.replace(work, folder / key)
    except OSError:  # another process wrote the same entry first: it is the same entry
        shutil.rmtree(work, ignore_errors=True)
    for other in folder.iterdir():
        if other.name != key and not other.name.startswith(".") and other.is_dir():
            try:
                same_file = json.loads((other / "facts.json").read_text())["file"] == str(path)
            except (OSError, ValueError, KeyError):
                same_file = True  # an unreadable entry is of no use to anyone
            if same_file:
                shutil.rmtree(other, ignore_errors=True)


def cached_report_registry(registry_path: str | Path | None, export_year: int | None = None,
                           sheet: str | None = None, lang: str = "id",
                           number_format: str | None = None,
                           folder: str | Path | None = None) -> ReportRegistry:
    """:func:`~ikm_analysis.report.inputs.load_report_registry`, from the cache when it can.

    Args:
        registry_path: CSV, XLSX or Parquet export; the bundled synthetic sample when ``None``.
        export_year: Latest acceptable year in cleaning.
        sheet: Worksheet of an XLSX file.
        lang: Language of the quarantine reasons.
        number_format: How numbers written as text are read (``id``, ``en``, ``None``).
        folder: The cache folder (:func:`cache_folder`); without one the file is read.

    Returns:
        The registry, the same as ``load_report_registry`` would give.
    """
    from ikm_analysis.report.inputs import read_report_registry

    where = cache_folder(folder)
    if where is None:
        return read_report_registry(registry_path, export_year, sheet, lang, number_format)
    path, key = registry_key(registry_path, export_year, number_format, sheet, lang)
    entry = where / key / "registry.pickle"
    if entry.is_file():
        try:
            with entry.open("rb") as stream:
                return pickle.load(stream)  # written by this package only (see above)
        except Exception as error:  # a damaged entry is a miss: the file is read again
            logger.warning("registry cache entry %s unreadable (%s): reading %s again",
                           entry.parent.name[:12], type(error).__name__, path.name)
    registry = read_report_registry(registry_path, export_year, sheet, lang, number_format)
    try:
        _write_entry(where, key, path, registry)
    except OSError as error:  # a cache that cannot be written costs time, not the build
        logger.warning("registry cache %s cannot be written (%s): every report reads %s",
                       where, error.strerror or error, path.name)
    return registry


def registry_facts(registry_path: str | Path | None, export_year: int | None = None,
                   number_format: str | None = None, lang: str = "id",
                   folder: str | Path | None = None) -> RegistryFacts:
    """The registry's years for planning a build: from the cache's ``facts.json`` when there.

    On a miss the registry is read, cleaned and written to the cache, so the build's kernels
    find it.
    """
    where = cache_folder(folder)
    if where is not None:
        _, key = registry_key(registry_path, export_year, number_format, None, lang)
        try:
            facts = json.loads((where / key / "facts.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        else:
            years = facts["data_years"]
            return RegistryFacts(facts["export_year"], facts["status_year"],
                                 None if years is None else (years[0], years[1]))
    return _facts_of(cached_report_registry(registry_path, export_year, None, lang,
                                            number_format, folder=where))
