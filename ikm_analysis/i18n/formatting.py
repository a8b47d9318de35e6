"""Numbers as reports print them: Indonesian ``92.799`` and ``44,8 %``, English on request.

Separators come from the Unicode CLDR locale data through Babel (``id_ID``: ``.`` for
thousands, ``,`` for decimals; ``en_US`` the other way round). Two things are this package's
own, each because Babel's default differs from how the city and province publish figures:

* **Rounding is half-up** on the decimal value as written (``44,75`` becomes ``44,8``), the rule
  statistical offices use. Babel rounds half-even (``0,25`` becomes ``0,2``), so numbers are
  rounded here first and Babel only places the separators.
* **An Indonesian percentage has a space before the sign** (``44,8 %``). CLDR's ``id`` percent
  pattern has none (``44,8%``); English keeps Babel's form (``44.8%``).
``tests/i18n/test_formatting.py`` shows both differences.

Example:
    >>> format_id_number(92799)
    '92.799'
    >>> format_id_percent(44.8)
    '44,8 %'
    >>> format_id_number(1500000.5, decimals=2, lang="en")
    '1,500,000.50'
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from ikm_analysis.i18n import Lang, check_lang

#: The Babel locale of each report language.
LOCALES: dict[str, str] = {"id": "id_ID", "en": "en_US"}


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
        ValueError: For NaN or infinite values.
        UnknownLanguageError: For a language other than ``id`` and ``en``.

    Example:
        >>> format_id_number(64087), format_id_number(-28712.25, decimals=1)
        ('64.087', '-28.712,3')
    """
    from babel.numbers import format_decimal  # imported here: only printing needs it

    locale = LOCALES[check_lang(lang)]
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"cannot format {value!r} as a number")
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(round_half_up(value, decimals), format=pattern, locale=locale)


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
    return with_percent_sign(format_id_number(value, decimals=decimals, lang=lang), lang)


def with_percent_sign(number: str, lang: Lang = "id") -> str:
    """A number already formatted, with the percent sign as the report language writes it.

    Args:
        number: The formatted number, e.g. ``"+1,9"``.
        lang: ``"id"`` (a space before the sign) or ``"en"`` (none).

    Returns:
        The number with its sign.

    Example:
        >>> with_percent_sign("+1,9"), with_percent_sign("+1.9", "en")
        ('+1,9 %', '+1.9%')
    """
    return f"{number} %" if check_lang(lang) == "id" else f"{number}%"
