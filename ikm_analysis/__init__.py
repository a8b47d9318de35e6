"""ikm-analysis: clean, check and measure IKM/UMKM registries of Kota Palangka Raya.

Load, clean, measure, draw, in four lines (the bundled synthetic sample here; any CSV, XLSX or
Parquet export the same way)::

    import ikm_analysis as ikm
    registry = ikm.process_registry(ikm.sample_registry_path())       # read + clean + quarantine
    by_category = ikm.metrics.active_units_by_category(registry.clean, 2024)
    ikm.bar_chart(by_category.set_index("category_code")["units"], "Unit aktif 2024", "Unit")

The stages are subpackages: :mod:`~ikm_analysis.io` (reading files), :mod:`~ikm_analysis.clean`
(parsing, places, rules, quarantine), :mod:`~ikm_analysis.metrics` (every number a report
shows), :mod:`~ikm_analysis.report` (tables, charts, maps, the build), :mod:`~ikm_analysis.sample`
(the synthetic registry), :mod:`~ikm_analysis.i18n` (every word, in Indonesian and English).

Rules for this namespace: it re-exports what an analyst needs first, each name once; a name is
never the name of a submodule (``ikm_analysis.metrics`` is the package, not a function);
importing the package reads no file, changes no setting and loads pandas only when a name that
needs it is first used.

Example:
    >>> import ikm_analysis
    >>> ikm_analysis.parse_id_number("Rp 1.500.000,00")
    1500000.0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

#: Public name -> module it lives in (imported on first use).
_EXPORTS: dict[str, str] = {
    # reading and cleaning
    "read_registry": "ikm_analysis.io.read",
    "RawRegistry": "ikm_analysis.io.raw",
    "clean_registry": "ikm_analysis.clean.pipeline",
    "CleaningOptions": "ikm_analysis.clean.options",
    "CleaningResult": "ikm_analysis.clean.pipeline",
    "process_registry": "ikm_analysis.clean.registry",
    "ProcessedRegistry": "ikm_analysis.clean.registry",
    "parse_id_number": "ikm_analysis.clean.numbers",
    "parse_id_numbers": "ikm_analysis.clean.numbers",
    # metrics most analyses start with (all of them: ikm_analysis.metrics)
    "active_units": "ikm_analysis.metrics.activity",
    "active_units_by_year": "ikm_analysis.metrics.activity",
    "is_active": "ikm_analysis.metrics.activity",
    "growth": "ikm_analysis.metrics.growth_rates",
    "growth_between": "ikm_analysis.metrics.growth_rates",
    "Growth": "ikm_analysis.metrics.growth_rates",
    "primary_series": "ikm_analysis.metrics.published",
    "published_conflicts": "ikm_analysis.metrics.published",
    "published_figure": "ikm_analysis.metrics.published",
    "published_growth": "ikm_analysis.metrics.published",
    "suppress_small_cells": "ikm_analysis.metrics.disclosure",
    "suppress_small_counts": "ikm_analysis.metrics.disclosure",
    "SuppressedTable": "ikm_analysis.metrics.disclosure",
    # showing
    "bar_chart": "ikm_analysis.report.charts",
    "line_chart": "ikm_analysis.report.charts",
    "format_id_number": "ikm_analysis.i18n.formatting",
    "format_id_percent": "ikm_analysis.i18n.formatting",
    # the bundled synthetic sample (DATA SINTETIS)
    "sample_registry_path": "ikm_analysis.sample.files",
    "SampleSpec": "ikm_analysis.sample.synthetic",
    "generate_sample_registry": "ikm_analysis.sample.synthetic",
    # errors
    "IkmError": "ikm_analysis.exceptions",
    "InputFileError": "ikm_analysis.exceptions",
    "MissingColumnsError": "ikm_analysis.exceptions",
    "DataValidationError": "ikm_analysis.exceptions",
    "ReferenceDataError": "ikm_analysis.exceptions",
    "ReportParameterError": "ikm_analysis.exceptions",
}
#: Subpackages and modules reachable as attributes (``ikm_analysis.metrics``).
_MODULES: dict[str, str] = {
    "metrics": "ikm_analysis.metrics",
    "charts": "ikm_analysis.report.charts",
    "maps": "ikm_analysis.report.maps",
}

__all__ = [
    "CleaningOptions",
    "CleaningResult",
    "DataValidationError",
    "Growth",
    "IkmError",
    "InputFileError",
    "MissingColumnsError",
    "ProcessedRegistry",
    "RawRegistry",
    "ReferenceDataError",
    "ReportParameterError",
    "SampleSpec",
    "SuppressedTable",
    "__version__",
    "active_units",
    "active_units_by_year",
    "bar_chart",
    "charts",
    "clean_registry",
    "format_id_number",
    "format_id_percent",
    "generate_sample_registry",
    "growth",
    "growth_between",
    "is_active",
    "line_chart",
    "maps",
    "metrics",
    "parse_id_number",
    "parse_id_numbers",
    "primary_series",
    "process_registry",
    "published_conflicts",
    "published_figure",
    "published_growth",
    "read_registry",
    "sample_registry_path",
    "suppress_small_cells",
    "suppress_small_counts",
]


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    elif name in _MODULES:
        value = importlib.import_module(_MODULES[name])
    else:
        raise AttributeError(f"module 'ikm_analysis' has no attribute {name!r}")
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:  # for type checkers and editors; never run
    from ikm_analysis import metrics
    from ikm_analysis.clean.numbers import parse_id_number, parse_id_numbers
    from ikm_analysis.clean.options import CleaningOptions
    from ikm_analysis.clean.pipeline import CleaningResult, clean_registry
    from ikm_analysis.clean.registry import ProcessedRegistry, process_registry
    from ikm_analysis.exceptions import (
        DataValidationError,
        IkmError,
        InputFileError,
        MissingColumnsError,
        ReferenceDataError,
        ReportParameterError,
    )
    from ikm_analysis.i18n.formatting import format_id_number, format_id_percent
    from ikm_analysis.io.raw import RawRegistry
    from ikm_analysis.io.read import read_registry
    from ikm_analysis.metrics.activity import active_units, active_units_by_year, is_active
    from ikm_analysis.metrics.disclosure import (
        SuppressedTable,
        suppress_small_cells,
        suppress_small_counts,
    )
    from ikm_analysis.metrics.growth_rates import Growth, growth, growth_between
    from ikm_analysis.metrics.published import (
        primary_series,
        published_conflicts,
        published_figure,
        published_growth,
    )
    from ikm_analysis.report import charts, maps
    from ikm_analysis.report.charts import bar_chart, line_chart
    from ikm_analysis.sample.files import sample_registry_path
    from ikm_analysis.sample.synthetic import SampleSpec, generate_sample_registry
