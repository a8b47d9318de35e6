"""Numbers as reports print them: Indonesian ``92.799`` and ``44,8 %``, English on request.

Rounding is half-up on the decimal value as written (``44,75`` becomes ``44,8``), the rule
statistical offices use, not Python's round-half-even on the binary float.

Example:
    >>> format_id_number(92799)
    '92.799'
    >>> format_id_percent(44.8)
    '44,8 %'
    >>> format_id_number(1500000.5, decimals=2, lang="en")
    '1,500,000.50'
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

Lang = Literal["id", "en"]

_SEPARATORS: dict[str, tuple[str, str]] = {"id": (".", ","), "en": (",", ".")}


def _separators(lang: str) -> tuple[str, str]:
    try:
        return _SEPARATORS[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r}; use 'id' or 'en'") from None


def round_half_up(value: float | int, decimals: int = 0) -> Decimal:
    """Round ``value`` half-up to ``decimals`` places, working on its shortest decimal form.

    Args:
        value: The number to round.
        decimals: Places after the decimal separator (0 or more).

    Returns:
        The rounded number as a :class:`~decimal.Decimal`.

    Example:
        >>> round_half_up(44.75, 1), round_half_up(2.5)
        (Decimal('44.8'), Decimal('3'))
    """
    if decimals < 0:
        raise ValueError("decimals must be 0 or more")
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(repr(float(value)) if isinstance(value, float) else str(value)).quantize(
        quantum, rounding=ROUND_HALF_UP
    )


def format_id_number(value: float | int, decimals: int = 0, lang: Lang = "id") -> str:
    """Format a number with thousands and decimal separators of the report language.

    Args:
        value: The number; must be finite.
        decimals: Places after the decimal separator.
        lang: ``"id"`` (``1.234,5``) or ``"en"`` (``1,234.5``).

    Returns:
        The formatted number.

    Raises:
        ValueError: For NaN or infinite values, or an unknown language.

    Example:
        >>> format_id_number(64087), format_id_number(-28712.25, decimals=1)
        ('64.087', '-28.712,3')
    """
    thousands, decimal_mark = _separators(lang)
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise ValueError(f"cannot format {value!r} as a number")
    rounded = round_half_up(value, decimals)
    text = f"{rounded:,.{decimals}f}"  # always "1,234.5" style here
    return text.translate(str.maketrans({",": thousands, ".": decimal_mark}))


def format_id_percent(value: float | int, decimals: int = 1, lang: Lang = "id") -> str:
    """Format a percentage (already times 100): ``44,8 %`` in Indonesian, ``44.8%`` in English.

    Args:
        value: The percentage, e.g. ``44.8`` for 44.8 %.
        decimals: Places after the decimal separator.
        lang: ``"id"`` or ``"en"``.

    Returns:
        The formatted percentage.

    Example:
        >>> format_id_percent(44.8024), format_id_percent(44.8024, lang="en")
        ('44,8 %', '44.8%')
    """
    number = format_id_number(value, decimals=decimals, lang=lang)
    return f"{number} %" if lang == "id" else f"{number}%"
