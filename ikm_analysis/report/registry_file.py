"""The registry file a report reads and the year it is cleaned up to, told without reading it.

``registry_path=None`` means the bundled synthetic sample, whose export describes 2024; any other
file is a real export whose latest acceptable year is the one given or, failing that, the
current calendar year (as ``ikm-report validate``). A build plans with these before it reads
anything (:mod:`ikm_analysis.report.registry_cache`); the notebooks read the registry through
:func:`ikm_analysis.report.inputs.load_report_registry`, which uses them too.

Example:
    >>> resolve_registry_path(None).name, report_export_year(None, None)
    ('registri_ikm_sintetis_berantakan.xlsx', 2024)
    >>> report_export_year("ekspor.xlsx", 2023)
    2023
"""

from __future__ import annotations

from pathlib import Path

from ikm_analysis.clean.year_range import resolve_max_year
from ikm_analysis.sample.files import SAMPLE_EXPORT_YEAR, sample_paths

#: Years ``build --all`` reports by default: the export year and the four before it (A23).
DEFAULT_REPORT_SPAN = 5


def resolve_registry_path(registry_path: str | Path | None) -> Path:
    """The file a report reads: ``registry_path``, or the bundled messy sample when ``None``."""
    return sample_paths().workbook if registry_path is None else Path(registry_path)


def report_export_year(registry_path: str | Path | None, export_year: int | None) -> int:
    """The latest acceptable year: ``export_year``; else 2024 (sample) or this year (a file)."""
    if export_year is None and registry_path is None:
        export_year = SAMPLE_EXPORT_YEAR
    return resolve_max_year(export_year)


def years_to_report(data_years: tuple[int, int], first_year: int | None = None) -> list[int]:
    """The five years up to the last of ``data_years``, or from ``first_year``, within them.

    Example:
        >>> years_to_report((2005, 2024)), years_to_report((2005, 2024), first_year=2001)[0]
        ([2020, 2021, 2022, 2023, 2024], 2005)
    """
    first_data, last = data_years
    first = last - DEFAULT_REPORT_SPAN + 1 if first_year is None else first_year
    return list(range(max(first, first_data), last + 1))
