"""Figures published by the city and province, every version kept, one marked primary.

The table ``data/published/published_figures.csv`` is built from the copied source table by
``scripts/build_published_figures.py``, which records every judgement (the year of an undated
statement, which version is primary and why). Sources disagree for some years; reports use the
primary series and list the other versions with :func:`published_conflicts`.

Regions carry Kemendagri codes (``62`` Kalimantan Tengah, ``62.71`` Kota Palangka Raya,
``62.71.03`` Kec. Jekan Raya; ``ID`` for Indonesia), never BPS codes.

Example:
    >>> umkm = primary_series("jumlah_umkm", "62")
    >>> int(umkm[2020]), int(umkm[2021])
    (64087, 92799)
    >>> published_figure("jumlah_ikm", "62.71", 2024).qualifier
    'lower_bound'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

from ikm_analysis.exceptions import ReferenceDataError
from ikm_analysis.metrics.growth_rates import Growth, growth_between
from ikm_analysis.reference import bundled_dir

PUBLISHED_FILE = "published_figures.csv"
QUALIFIERS = ("exact", "lower_bound", "approximate", "sum_of_components",
              "as_printed_inconsistent")
#: Kemendagri codes of the province and the city.
KALTENG = "62"
PALANGKA_RAYA = "62.71"
#: The indicator of the province's UMKM count.
UMKM = "jumlah_umkm"


@dataclass(frozen=True)
class PublishedFigure:
    """One published figure (the primary version of its indicator, region and year).

    Attributes:
        indicator: Indicator name, e.g. ``jumlah_umkm``.
        region_code: Kemendagri code.
        region: Region name.
        year: Year the figure describes.
        value: The figure.
        unit: Unit as the source states it.
        qualifier: ``exact``, ``lower_bound`` ("more than"), ``approximate`` (``sekitar``), ...
        source: Where it was published.
        note: Caveats, and why this version is primary when others exist.
    """

    indicator: str
    region_code: str
    region: str
    year: int
    value: float
    unit: str
    qualifier: str
    source: str
    note: str


@cache
def _load() -> pd.DataFrame:
    path = bundled_dir("published") / PUBLISHED_FILE
    if not path.is_file():
        raise ReferenceDataError(f"published figures missing: {path}")
    frame = pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""])
    frame["year"] = frame["year"].astype("Int64")
    frame["value"] = frame["value"].astype("Float64")
    frame["is_primary"] = frame["is_primary"].map({"true": True, "false": False}).astype("boolean")
    unknown = set(frame["qualifier"].dropna()) - set(QUALIFIERS)
    if unknown or frame["is_primary"].isna().any():
        raise ReferenceDataError(f"{path}: unknown qualifiers {unknown} or unmarked primary flags")
    primaries = frame[frame["is_primary"]].groupby(["indicator", "region_code", "year"]).size()
    repeated = primaries[primaries > 1].index.tolist()
    if repeated:
        raise ReferenceDataError(f"{path}: more than one primary version for {repeated}")
    return frame


def load_published_figures() -> pd.DataFrame:
    """Every published figure and version.

    Returns:
        Columns ``indicator``, ``region_level``, ``region_code``, ``region``, ``year`` (Int64,
        missing for undated figures), ``period`` (as the source words it, when not a plain
        year), ``value`` (Float64), ``unit``, ``qualifier``, ``is_primary``, ``source``, ``note``.

    Example:
        >>> figures = load_published_figures()
        >>> int(figures["is_primary"].sum()) > 100
        True
    """
    return _load().copy()


def published_figure(indicator: str, region_code: str, year: int) -> PublishedFigure:
    """The primary version of one published figure.

    Args:
        indicator: Indicator name, e.g. ``jumlah_unit_usaha_industri``.
        region_code: Kemendagri code, e.g. ``62.71``.
        year: Year the figure describes.

    Returns:
        The figure with its source and caveats.

    Raises:
        KeyError: No primary figure for that indicator, region and year; the message lists the
            years that have one.

    Example:
        >>> int(published_figure("jumlah_unit_usaha_industri", "62.71", 2022).value)
        4133
    """
    frame = _load()
    rows = frame[(frame["indicator"] == indicator) & (frame["region_code"] == region_code)
                 & frame["is_primary"]]
    match = rows[rows["year"] == year]
    if match.empty:
        years = sorted(int(y) for y in rows["year"].dropna())
        raise KeyError(f"no primary published figure {indicator!r} for {region_code} in {year}; "
                       f"years with one: {years or 'none'}")
    row = match.iloc[0]
    return PublishedFigure(
        indicator, region_code, str(row["region"]), int(row["year"]), float(row["value"]),
        str(row["unit"]), str(row["qualifier"]), str(row["source"]),
        "" if pd.isna(row["note"]) else str(row["note"]),
    )


def primary_series(indicator: str, region_code: str) -> pd.Series:
    """The primary yearly series of one indicator in one region.

    Args:
        indicator: Indicator name.
        region_code: Kemendagri code.

    Returns:
        Values (Float64) indexed by year, sorted; empty when nothing is published.

    Example:
        >>> primary_series("jumlah_umkm", "62").loc[2019:2021].astype(int).tolist()
        [40568, 64087, 92799]
    """
    frame = _load()
    rows = frame[(frame["indicator"] == indicator) & (frame["region_code"] == region_code)
                 & frame["is_primary"] & frame["year"].notna()]
    series = pd.Series(rows["value"].to_numpy(), index=rows["year"].astype("int64").to_numpy(),
                       name=indicator, dtype="Float64").sort_index()
    series.index.name = "year"
    return series


def published_growth(indicator: str, region_code: str, base_year: int, year: int) -> Growth:
    """Growth of a primary published series between two years.

    Args:
        indicator: Indicator name.
        region_code: Kemendagri code.
        base_year: Base year.
        year: Current year.

    Returns:
        The :class:`~ikm_analysis.metrics.growth_rates.Growth`; rates are ``None`` with a
        reason when a year has no primary figure.

    Example:
        >>> g = published_growth("jumlah_umkm", "62", 2020, 2021)
        >>> g.absolute, round(g.percent, 1)
        (28712.0, 44.8)
    """
    return growth_between(primary_series(indicator, region_code), base_year, year)


def published_conflicts(indicator: str | None = None,
                        region_code: str | None = None) -> pd.DataFrame:
    """The other versions of figures whose sources disagree, beside the primary value.

    A group (indicator, region, year) is in conflict when its versions have more than one value;
    an undated figure is not compared with anything.

    Args:
        indicator: Keep only this indicator.
        region_code: Keep only this region.

    Returns:
        One row per non-primary version: ``indicator``, ``region_code``, ``region``, ``year``,
        ``primary_value`` (missing when no version is trusted as primary), ``value``,
        ``qualifier``, ``period``, ``source``, ``note``.

    Example:
        >>> conflicts = published_conflicts("jumlah_umkm", "62")
        >>> sorted(conflicts.loc[conflicts["year"] == 2021, "value"].astype(int).tolist())
        [11191, 64087, 71406, 75278]
    """
    frame = _load()
    if indicator is not None:
        frame = frame[frame["indicator"] == indicator]
    if region_code is not None:
        frame = frame[frame["region_code"] == region_code]
    dated = frame[frame["year"].notna()]
    keys = ["indicator", "region_code", "year"]
    distinct = dated.groupby(keys)["value"].transform("nunique")
    in_conflict = dated[distinct > 1]
    primary = (in_conflict[in_conflict["is_primary"]][[*keys, "value"]]
               .rename(columns={"value": "primary_value"}))
    others = in_conflict[~in_conflict["is_primary"]].merge(primary, on=keys, how="left")
    columns = ["indicator", "region_code", "region", "year", "primary_value", "value",
               "qualifier", "period", "source", "note"]
    return others[columns].sort_values([*keys, "value"], ignore_index=True)
