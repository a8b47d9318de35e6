"""The options of cleaning: number format, accepted years, your office's own spellings.

Example:
    >>> CleaningOptions(max_year=2024).number_format is None  # told from each column's cells
    True
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ikm_analysis.clean.numbers import NumberFormat
from ikm_analysis.clean.year_range import MIN_YEAR


@dataclass(frozen=True)
class CleaningOptions:
    """Options of :func:`clean_registry`.

    Attributes:
        number_format: ``"id"`` (``1.500.000,00``) or ``"en"`` (``1,500,000.00``) for text cells;
            ``None`` tells each column's format from its cells
            (:func:`~ikm_analysis.clean.numbers.infer_number_format`).
        min_year: Earliest acceptable year.
        max_year: Latest acceptable year; the current calendar year when ``None``. Reports pass
            their own year so that results do not depend on the day they are built.
        region_aliases: Extra region spellings (``alias``, ``level``, ``code``) of your office.
        category_aliases: Category names (``alias``, ``category_code``) replacing the bundled ones.
        kbli_category_map: KBLI division -> category mapping replacing the bundled one.
    """

    number_format: NumberFormat | None = None
    min_year: int = MIN_YEAR
    max_year: int | None = None
    region_aliases: pd.DataFrame | None = None
    category_aliases: pd.DataFrame | None = None
    kbli_category_map: pd.DataFrame | None = None
