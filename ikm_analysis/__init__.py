"""ikm-analysis: clean, validate and measure IKM/UMKM registries of Kota Palangka Raya.

The public API is re-exported here; importing the package reads no file and changes no state.

Example:
    >>> import ikm_analysis
    >>> ikm_analysis.parse_id_number("Rp 1.500.000,00")
    1500000.0
"""

from ikm_analysis.clean.numbers import parse_id_number, parse_id_numbers
from ikm_analysis.clean.pipeline import CleaningOptions, CleaningResult, clean_registry
from ikm_analysis.clean.registry import ProcessedRegistry, process_registry
from ikm_analysis.exceptions import (
    DataValidationError,
    IkmError,
    InputFileError,
    MissingColumnsError,
    ReferenceDataError,
)
from ikm_analysis.i18n.formatting import format_id_number, format_id_percent
from ikm_analysis.io.read import RawRegistry, read_registry
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
from ikm_analysis.sample.synthetic import SampleSpec, generate_sample_registry

__version__ = "0.1.0"

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
    "SampleSpec",
    "SuppressedTable",
    "__version__",
    "active_units",
    "active_units_by_year",
    "clean_registry",
    "format_id_number",
    "format_id_percent",
    "generate_sample_registry",
    "growth",
    "growth_between",
    "is_active",
    "parse_id_number",
    "parse_id_numbers",
    "primary_series",
    "process_registry",
    "published_conflicts",
    "published_figure",
    "published_growth",
    "read_registry",
    "suppress_small_cells",
    "suppress_small_counts",
]
