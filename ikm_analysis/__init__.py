"""ikm-analysis: clean, validate and measure IKM/UMKM registries of Kota Palangka Raya.

The public API is re-exported here; importing the package reads no file and changes no state.

Example:
    >>> import ikm_analysis
    >>> ikm_analysis.parse_id_number("Rp 1.500.000,00")
    1500000.0
"""

from ikm_analysis.cleaning import CleaningOptions, CleaningResult, clean_registry
from ikm_analysis.exceptions import (
    DataValidationError,
    IkmError,
    InputFileError,
    MissingColumnsError,
    ReferenceDataError,
)
from ikm_analysis.formatting import format_id_number, format_id_percent
from ikm_analysis.loading import RawRegistry, read_registry
from ikm_analysis.numbers import parse_id_number, parse_id_numbers
from ikm_analysis.registry import ProcessedRegistry, process_registry

__version__ = "0.1.0"

__all__ = [
    "CleaningOptions",
    "CleaningResult",
    "DataValidationError",
    "IkmError",
    "InputFileError",
    "MissingColumnsError",
    "ProcessedRegistry",
    "RawRegistry",
    "ReferenceDataError",
    "__version__",
    "clean_registry",
    "format_id_number",
    "format_id_percent",
    "parse_id_number",
    "parse_id_numbers",
    "process_registry",
    "read_registry",
]
