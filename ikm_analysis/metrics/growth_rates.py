"""Growth between two periods: absolute change, percent change and compound annual growth.

A growth figure is never silently infinite or NaN. When the base is missing, zero or negative the
percent (and CAGR) is ``None`` and :attr:`Growth.unavailable_reason` says why, so a report can
print "not defined" in words instead of ``inf %``.

Example:
    >>> g = growth(64087, 92799)
    >>> g.absolute, round(g.percent, 1)
    (28712.0, 44.8)
    >>> growth(0, 12).unavailable_reason
    'base_zero'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ikm_analysis.i18n import text

#: Why a growth rate could not be computed; the words are ``no_rate_<code>`` in the catalogues.
UNAVAILABLE_REASONS: tuple[str, ...] = (
    "base_missing", "current_missing", "base_zero", "base_negative", "rate_overflow",
    "current_negative",
)


@dataclass(frozen=True)
class Growth:
    """Change from a base value to a current value over ``years`` periods.

    Attributes:
        base: Value in the base period, ``None`` when missing.
        current: Value in the current period, ``None`` when missing.
        years: Number of periods between them (1 for year-on-year).
        absolute: ``current - base``; ``None`` when either is missing.
        percent: Percent change (``44.8`` for +44.8 %); ``None`` when undefined.
        cagr_percent: Compound annual growth rate in percent; ``None`` when undefined.
        unavailable_reason: Code (see :data:`UNAVAILABLE_REASONS`) when ``percent`` or
            ``cagr_percent`` is ``None``, else ``None``.
    """

    base: float | None
    current: float | None
    years: int
    absolute: float | None
    percent: float | None
    cagr_percent: float | None
    unavailable_reason: str | None

    def reason_text(self, lang: str = "id") -> str:
        """The reason a rate is missing, in words (empty when nothing is missing).

        Example:
            >>> growth(None, 5).reason_text("en")
            'no figure for the base period'
        """
        if self.unavailable_reason is None:
            return ""
        return text(f"no_rate_{self.unavailable_reason}", lang)


def _as_number(value: float | int | None) -> float | None:
    if value is None or pd.isna(value):
        return None
    number = float(value)
    if math.isinf(number):
        raise ValueError(f"growth needs finite values, got {value!r}")
    return number


def growth(base: float | None, current: float | None, years: int = 1) -> Growth:
    """Change between two values, with the compound annual rate over ``years`` periods.

    Args:
        base: Value in the base period (``None`` or NaN when not known).
        current: Value in the current period (``None`` or NaN when not known).
        years: Periods between base and current, at least 1.

    Returns:
        The :class:`Growth`; rates are ``None`` with a reason when undefined.

    Raises:
        ValueError: If ``years`` is below 1 or a value is infinite.

    Example:
        >>> g = growth(100, 121, years=2)
        >>> g.percent, round(g.cagr_percent, 6)
        (21.0, 10.0)
    """
    if years < 1:
        raise ValueError(f"years must be 1 or more, got {years}")
    base_value, current_value = _as_number(base), _as_number(current)
    if base_value is None or current_value is None:
        reason = "base_missing" if base_value is None else "current_missing"
        return Growth(base_value, current_value, years, None, None, None, reason)
    absolute = current_value - base_value
    if base_value == 0:
        return Growth(base_value, current_value, years, absolute, None, None, "base_zero")
    if base_value < 0:
        return Growth(base_value, current_value, years, absolute, None, None, "base_negative")
    percent = absolute / base_value * 100
    if not math.isfinite(percent):
        return Growth(base_value, current_value, years, absolute, None, None, "rate_overflow")
    if current_value < 0:
        return Growth(base_value, current_value, years, absolute, percent, None,
                      "current_negative")
    try:
        cagr = ((current_value / base_value) ** (1 / years) - 1) * 100
    except OverflowError:
        cagr = math.inf
    if not math.isfinite(cagr):
        return Growth(base_value, current_value, years, absolute, percent, None, "rate_overflow")
    return Growth(base_value, current_value, years, absolute, percent, cagr, None)


def growth_between(series: Mapping[int, float | None], base_year: int, year: int) -> Growth:
    """Growth between two years of a yearly series; a year absent from it counts as missing.

    Args:
        series: Values by year (a dict or a :class:`pandas.Series` indexed by year).
        base_year: The base year.
        year: The current year, after ``base_year``.

    Returns:
        The :class:`Growth` over ``year - base_year`` years.

    Raises:
        ValueError: If ``year`` is not after ``base_year``.

    Example:
        >>> g = growth_between({2020: 64087, 2021: 92799}, 2020, 2021)
        >>> g.absolute
        28712.0
        >>> growth_between({2021: 10}, 2019, 2021).unavailable_reason
        'base_missing'
    """
    if year <= base_year:
        raise ValueError(f"year {year} must come after the base year {base_year}")
    return growth(series.get(base_year), series.get(year), years=year - base_year)
