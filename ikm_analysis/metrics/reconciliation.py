"""The registry's own value beside each figure the city published, for the same year.

The city's published figures (a 2022 count of industry business units, the active IKM units of
2024, the kelurahan with a *sentra IKM terpadu*) are statements of officials in news reports; the
registry counts what it holds at the end of the same year. Both are shown side by side with their
difference, so a reader sees where they disagree instead of two numbers that never meet.
A figure of a year the registry does not cover is left out.

Example:
    >>> import pandas as pd
    >>> units = pd.DataFrame({"kelurahan_code": ["62.71.01.1001"] * 3,
    ...                       "year_registered": pd.array([2020, 2021, 2023], dtype="Int64"),
    ...                       "year_closed": pd.array([None, None, None], dtype="Int64"),
    ...                       "status": pd.Categorical(["aktif"] * 3),
    ...                       "is_sentra_member": pd.array([True, False, False], dtype="boolean")})
    >>> table = registry_beside_published(units, status_year=2024)
    >>> table[["indicator", "year", "published", "registry", "difference"]].values.tolist()
    [['jumlah_unit_usaha_industri', 2022, 4133, 2, -4131], ['jumlah_ikm', 2024, 3800, 3, -3797], \
['jumlah_sentra_ikm_terpadu_kelurahan', 2022, 23, 1, -22]]
"""

from __future__ import annotations

import pandas as pd

from ikm_analysis.metrics.activity import active_spans, active_units, count_active
from ikm_analysis.metrics.published import PALANGKA_RAYA, published_figure
from ikm_analysis.metrics.sentra import sentra_by_kelurahan

#: (indicator, year) of the city's published figures that a registry can also count.
COMPARABLE_FIGURES = (
    ("jumlah_unit_usaha_industri", 2022),
    ("jumlah_ikm", 2024),
    ("jumlah_sentra_ikm_terpadu_kelurahan", 2022),
)


def _kelurahan_with_sentra(units: pd.DataFrame, year: int, status_year: int | None) -> int:
    active = active_units(units, year, status_year,
                          columns=["kelurahan_code", "is_sentra_member"])
    return int(sentra_by_kelurahan(active)["has_sentra"].sum())


def registry_beside_published(units: pd.DataFrame, status_year: int | None = None,
                              years: tuple[int, int] | None = None) -> pd.DataFrame:
    """Each comparable published figure with the registry's value for the same year.

    Args:
        units: The clean registry.
        status_year: Year of the registry's status column (see
            :func:`~ikm_analysis.metrics.activity.active_units`).
        years: First and last year the registry covers; figures outside are left out. All
            figures up to ``status_year`` when ``None``.

    Returns:
        Columns ``indicator``, ``year``, ``published``, ``qualifier``, ``registry`` and
        ``difference`` (registry − published), one row per figure.
    """
    rows = []
    spans = active_spans(units, status_year)  # once: the unit counts of every year read it
    for indicator, year in COMPARABLE_FIGURES:
        if years is not None and not years[0] <= year <= years[1]:
            continue
        if years is None and status_year is not None and year > status_year:
            continue
        figure = published_figure(indicator, PALANGKA_RAYA, year)
        registry = (_kelurahan_with_sentra(units, year, status_year)
                    if indicator == "jumlah_sentra_ikm_terpadu_kelurahan"
                    else int(count_active(spans, [year])[0]))
        rows.append({"indicator": indicator, "year": year, "published": int(figure.value),
                     "qualifier": figure.qualifier, "registry": registry,
                     "difference": registry - int(figure.value)})
    return pd.DataFrame(rows, columns=["indicator", "year", "published", "qualifier",
                                       "registry", "difference"])
