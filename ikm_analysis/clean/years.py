"""Years as offices write them: ``2021``, ``2021.0``, ``17/08/2021``, ``2021-08-17`` or a date cell.

Example:
    >>> years, invalid = parse_years(pd.Series(["2021", "17/08/2019", "kemarin", None]))
    >>> years.tolist(), invalid.tolist()
    ([2021, 2019, <NA>, <NA>], [False, False, True, False])
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from ikm_analysis._fast.distinct import map_distinct

#: Month names as offices write them (Indonesian, English, short forms), folded.
MONTHS: dict[str, int] = {
    **{name: number for number, names in enumerate((
        ("januari", "jan", "january"), ("februari", "feb", "pebruari", "peb", "february"),
        ("maret", "mar", "march"), ("april", "apr"), ("mei", "may"),
        ("juni", "jun", "june"), ("juli", "jul", "july"),
        ("agustus", "agu", "agt", "ags", "aug", "august"),
        ("september", "sep", "sept"), ("oktober", "okt", "oct", "october"),
        ("november", "nov", "nopember", "nop"), ("desember", "des", "dec", "december")),
        start=1) for name in names},
}
#: Excel stores a date as the days since 1899-12-30; these serials are 1927 to 2119.
_SERIALS = (10_000, 80_000)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR_PATTERNS = (
    re.compile(r"^(?:tahun |thn )?(\d{4})(?:\.0+)?$"),  # 2021, 2021.0, Tahun 2021
    re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$"),  # 17/08/2021, 17.08.2021
    re.compile(r"^(\d{4})[/.-]\d{1,2}[/.-]\d{1,2}(?:[ t].*)?$"),  # 2021-08-17, 2021/08/17
)
_NAMED_MONTH = (
    re.compile(rf"^(?:\d{{1,2}}[ -])?{_MONTH}[ ,-]*(\d{{4}}|\d{{2}})$"),  # 17 Agustus 2021
    re.compile(rf"^(\d{{4}}) ?\(?{_MONTH}\)?$"),  # 2021 Agustus
)


def _two_digit(year: str) -> int:
    """``21`` -> 2021, ``98`` -> 1998: a fixed pivot, so the result never depends on the day."""
    number = int(year)
    return number + (2000 if number < 50 else 1900) if len(year) == 2 else number


def excel_serial_year(serial: float) -> int:
    """The year of an Excel date serial (days since 1899-12-30).

    Example:
        >>> excel_serial_year(45292)
        2024
    """
    return (_EXCEL_EPOCH + dt.timedelta(days=int(serial))).year


def _year_of(value: object) -> tuple[object, bool]:
    """(year or NA, is_invalid) for one distinct cell."""
    if isinstance(value, dt.date | dt.datetime):
        return value.year, False
    if isinstance(value, bool):
        return pd.NA, True
    if isinstance(value, int | np.integer | float | np.floating):
        number = float(value)
        if _SERIALS[0] <= number < _SERIALS[1]:
            return excel_serial_year(number), False
        return (int(number), False) if number.is_integer() else (pd.NA, True)
    text = " ".join(str(value).replace("\u00a0", " ").split()).casefold().rstrip(".")
    if text in {"", "-", "–", "—"}:
        return pd.NA, False
    for pattern in _YEAR_PATTERNS:
        match = pattern.match(text)
        if match:
            return int(match.group(1)), False
    for pattern in _NAMED_MONTH:
        match = pattern.match(text)
        if match:
            year = match.group(2) if pattern is _NAMED_MONTH[0] else match.group(1)
            return _two_digit(year), False
    if text.replace(".", "", 1).isdigit() and _SERIALS[0] <= float(text) < _SERIALS[1]:
        return excel_serial_year(float(text)), False  # a serial written out as text
    return pd.NA, True


def parse_years(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Read years as offices write them: a year, a date cell, an Excel date serial, or text.

    Text may be ``2021``, ``2021.0``, ``Tahun 2021``, ``17/08/2021``, ``2021-08-17``,
    ``2021/08/17``, ``17 Agustus 2021``, ``Agustus 2021``, ``17-Agu-21`` (two-digit years:
    ``00``-``49`` are 2000-2049, ``50``-``99`` 1950-1999). A number from 10,000 to 79,999 is an
    Excel date serial (``45292`` is 1 January 2024).

    Args:
        values: A raw column.

    Returns:
        ``Int64`` years (missing where empty or invalid) and the mask of invalid cells.

    Example:
        >>> years, invalid = parse_years(pd.Series(["2021", "17/08/2019", "kemarin", None,
        ...                                         "17 Agustus 2021", 45292.0]))
        >>> years.tolist(), invalid.tolist()
        ([2021, 2019, <NA>, <NA>, 2021, 2024], [False, False, True, False, False, False])
    """
    typed = typed_integers(values)
    if typed is not None:  # a typed column (Parquet): nothing to read, unless serials
        if typed.notna().any() and typed.max() >= _SERIALS[0]:
            serial = typed.between(*_SERIALS, inclusive="left").fillna(False)
            days = typed[serial].to_numpy(dtype="int64").astype("timedelta64[D]")
            years = (np.datetime64(_EXCEL_EPOCH) + days).astype("datetime64[Y]").astype(int)
            typed = typed.mask(serial, pd.Series(years + 1970, index=typed.index[serial]))
        return typed, pd.Series(False, index=values.index)
    years = map_distinct(values, lambda v: _year_of(v)[0], missing=pd.NA, dtype="Int64")
    invalid = map_distinct(values, lambda v: _year_of(v)[1], missing=False, dtype=bool)
    return years, invalid




def typed_integers(values: pd.Series) -> pd.Series | None:
    """A typed integer column (Parquet) as it is, as ``Int64``; ``None`` for any other column.

    Example:
        >>> typed_integers(pd.Series([2021, 2022])).dtype, typed_integers(pd.Series(["2021"]))
        (Int64Dtype(), None)
    """
    if not pd.api.types.is_integer_dtype(values.dtype):
        return None
    return values.astype("Int64").rename(None)
