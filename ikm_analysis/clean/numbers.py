r"""Parse numbers as Indonesian offices write them: ``92.799``, ``1.500.000,00``, ``Rp 2 M``.

Rules (``number_format="id"``, the default):

* ``.`` separates thousands and must be followed by exactly three digits; ``,`` is the decimal mark.
  So ``1.500`` is one thousand five hundred and ``12,5`` is twelve and a half.
* An optional currency prefix ``Rp``/``Rp.``/``IDR`` and a trailing ``,-`` (no cents) are dropped.
* A trailing multiplier word scales the value: ``ribu``/``rb`` (10^3), ``juta``/``jt`` (10^6),
  ``miliar``/``milyar``/``M`` (10^9, as in Indonesian: ``2 M`` is two *miliar*), ``triliun``/``T``
  (10^12). A trailing counting word ``orang``/``org``/``unit`` is allowed (``5 orang``).
* Empty cells, ``-``, ``–`` and ``—`` are missing, not zero.
* Cells that are already numbers (from Excel or Parquet) are taken as they are.
* Anything else is invalid and reported as such, never guessed: ``12.5`` (a dot not followed by
  three digits) is invalid in Indonesian format. Exports written with English separators are read
  with ``number_format="en"`` (``1,500,000.00``).

Example:
    >>> parse_id_number("1,5 juta")
    1500000.0
    >>> parse_id_number("-") is None
    True
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ikm_analysis._fast.arrow_numbers import parse_ascii_numbers, value_range
from ikm_analysis._fast.arrow_text import as_arrow_text

NumberFormat = Literal["id", "en"]

MISSING_TOKENS: frozenset[str] = frozenset({"", "-", "–", "—"})

MULTIPLIERS: dict[str, float] = {
    "ribu": 1e3,
    "rb": 1e3,
    "juta": 1e6,
    "jt": 1e6,
    "miliar": 1e9,
    "milyar": 1e9,
    "m": 1e9,
    "triliun": 1e12,
    "t": 1e12,
}

_DIGITS: dict[str, str] = {
    "id": r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
}


def _number_pattern(number_format: str) -> re.Pattern[str]:
    try:
        digits = _DIGITS[number_format]
    except KeyError:
        raise ValueError(f"unknown number format {number_format!r}; use 'id' or 'en'") from None
    units = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
    return re.compile(
        r"^(?P<sign>-)?\s*(?:(?:rp|idr)\.?\s*)?(?P<sign2>-)?\s*"
        rf"(?P<digits>{digits})(?:,-)?\s*(?P<unit>{units})?\.?\s*(?:orang|org|unit)?$"
    )


_PATTERNS = {fmt: _number_pattern(fmt) for fmt in _DIGITS}
#: Thousands separator and decimal mark of each format.
_SEPARATORS = {"id": (".", ","), "en": (",", ".")}


@dataclass(frozen=True)
class ParsedNumbers:
    """Result of :func:`parse_id_numbers`, aligned with its input.

    Attributes:
        numbers: Parsed values (``Float64``; ``<NA>`` where missing or invalid).
        is_invalid: ``True`` where the cell held something that is not a number.
    """

    numbers: pd.Series
    is_invalid: pd.Series


def _parse_unique_texts(texts: pd.Series, number_format: str) -> pd.Series:
    """Parse distinct, already-stripped, non-missing strings; NaN where invalid."""
    folded = texts.str.casefold().str.replace(r"\s+", " ", regex=True)
    parts = folded.str.extract(_PATTERNS[number_format])
    digits = parts["digits"]
    if number_format == "id":
        digits = digits.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        digits = digits.str.replace(",", "", regex=False)
    magnitude = pd.to_numeric(digits, errors="coerce").astype("float64")
    scale = parts["unit"].map(MULTIPLIERS).astype("float64").fillna(1.0)
    negative = parts["sign"].notna() | parts["sign2"].notna()
    return magnitude * scale * np.where(negative, -1.0, 1.0)


def parse_id_numbers(values: pd.Series, number_format: NumberFormat = "id") -> ParsedNumbers:
    """Parse a column of numbers written in Indonesian (or English) format.

    Each distinct value is parsed once, so long columns of repeated values stay cheap.

    Args:
        values: The raw cells: strings, numbers, or missing values, in any dtype.
        number_format: ``"id"`` (``1.500.000,5``) or ``"en"`` (``1,500,000.5``).

    Returns:
        The parsed values and a mask of invalid cells, both with the input's index.

    Example:
        >>> parsed = parse_id_numbers(pd.Series(["92.799", "Rp 2 M", "12.5", None]))
        >>> parsed.numbers.tolist(), parsed.is_invalid.tolist()
        ([92799.0, 2000000000.0, <NA>, <NA>], [False, False, True, False])
    """
    if number_format not in _PATTERNS:
        raise ValueError(f"unknown number format {number_format!r}; use 'id' or 'en'")
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        parsed = values.astype("Float64")
        return ParsedNumbers(parsed, pd.Series(False, index=values.index))

    text = as_arrow_text(values)
    if text is not None:  # a column of text: one Arrow pass over its ASCII cells
        return _parse_text_column(text, values.index, number_format)
    return _parse_cells(values, number_format)


def _parse_cells(values: pd.Series, number_format: str) -> ParsedNumbers:
    """Parse any column, each distinct value once (text, numbers, dates and other objects)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed_uniques = np.full(len(uniques), np.nan)
    invalid_uniques = np.zeros(len(uniques), dtype=bool)
    text_positions: list[int] = []
    texts: list[str] = []
    for position, value in enumerate(uniques):
        if isinstance(value, str):
            stripped = value.replace("\u00a0", " ").strip()
            if stripped not in MISSING_TOKENS:
                text_positions.append(position)
                texts.append(stripped)
        elif isinstance(value, numbers.Real | Decimal) and not isinstance(value, bool):
            if math.isfinite(value):
                parsed_uniques[position] = float(value)
            else:
                invalid_uniques[position] = not math.isnan(value)
        else:  # dates, booleans and other objects are not numbers
            invalid_uniques[position] = True
    if texts:
        parsed_texts = np.full(len(texts), np.nan)
        is_ascii = np.array([text.isascii() for text in texts], dtype=bool)
        if is_ascii.any():  # ASCII text in Arrow kernels, as for a column of text
            ascii_texts = pa.array([text for text, ok in zip(texts, is_ascii, strict=True) if ok])
            parsed_texts[is_ascii] = parse_ascii_numbers(
                ascii_texts, _PATTERNS[number_format].pattern, MULTIPLIERS,
                *_SEPARATORS[number_format])[0]
        if not is_ascii.all():
            rest = [text for text, ok in zip(texts, is_ascii, strict=True) if not ok]
            parsed_texts[~is_ascii] = _parse_unique_texts(
                pd.Series(rest, dtype="string"), number_format).to_numpy(
                dtype="float64", na_value=np.nan)
        parsed_uniques[text_positions] = parsed_texts
        invalid_uniques[text_positions] = np.isnan(parsed_texts)

    # factorize marks missing cells with code -1, which picks the appended NaN / False.
    taken = np.append(parsed_uniques, np.nan)[codes]
    invalid = np.append(invalid_uniques, False)[codes]
    parsed = pd.Series(taken, index=values.index, dtype="Float64")
    return ParsedNumbers(parsed, pd.Series(invalid, index=values.index, dtype=bool))


def _parse_text_column(text: pa.ChunkedArray, index: pd.Index, number_format: str
                       ) -> ParsedNumbers:
    """Parse a text column: ASCII cells in Arrow, the rest (``٣``, ``–``) cell by cell."""
    array = text.combine_chunks()
    numbers = np.full(len(array), np.nan)
    invalid = np.zeros(len(array), dtype=bool)
    is_ascii = pc.fill_null(pc.string_is_ascii(array), True).to_numpy(zero_copy_only=False)
    if is_ascii.any():
        numbers[is_ascii], invalid[is_ascii] = parse_ascii_numbers(
            array.filter(is_ascii), _PATTERNS[number_format].pattern, MULTIPLIERS,
            *_SEPARATORS[number_format])
    if not is_ascii.all():
        rest = _parse_cells(pd.Series(array.filter(~is_ascii).to_pylist(), dtype=object),
                            number_format)
        numbers[~is_ascii] = rest.numbers.to_numpy(dtype="float64", na_value=np.nan)
        invalid[~is_ascii] = rest.is_invalid.to_numpy()
    return ParsedNumbers(pd.Series(numbers, index=index, dtype="Float64"),
                         pd.Series(invalid, index=index, dtype=bool))


def parse_id_number(text: object, number_format: NumberFormat = "id") -> float | None:
    """Parse one number written in Indonesian format; ``None`` when the cell is empty or ``-``.

    Args:
        text: The cell: a string, a number, or a missing value.
        number_format: ``"id"`` or ``"en"``; see the module docstring.

    Returns:
        The value, or ``None`` when the cell is missing.

    Raises:
        ValueError: When the cell holds something that is not a number in that format.

    Example:
        >>> parse_id_number("Rp 15.000.000,-"), parse_id_number("12,5"), parse_id_number(7)
        (15000000.0, 12.5, 7.0)
    """
    parsed = parse_id_numbers(pd.Series([text], dtype=object), number_format)
    if bool(parsed.is_invalid.iloc[0]):
        raise ValueError(f"{text!r} is not a number in {number_format!r} format")
    value = parsed.numbers.iloc[0]
    return None if pd.isna(value) else float(value)


#: Text no English-format number matches: two dot groups (``1.500.000``) or a decimal comma.
_NOT_ENGLISH = r"\d\.\d{3}\.|\d,\d{1,2}(?!\d)|\d,\d{4}"
_NOT_ENGLISH_CELL = re.compile(_NOT_ENGLISH)

#: An amount above this (a thousand trillion rupiah) is no small or medium industry's.
MAX_AMOUNT = 1e15


def is_implausible(amounts: pd.Series) -> pd.Series:
    """Amounts no registry can mean: infinite, or above :data:`MAX_AMOUNT` either way.

    Example:
        >>> is_implausible(pd.Series([1.5e6, float("inf"), 1e300, None], dtype="Float64")).tolist()
        [False, True, True, False]
    """
    smallest, largest = value_range(amounts) if len(amounts) else (None, None)
    if largest is None or (largest <= MAX_AMOUNT and smallest >= -MAX_AMOUNT):
        return pd.Series(False, index=amounts.index)  # the usual case: no copy of the column
    values = amounts.to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        return pd.Series(~np.isnan(values) & ~(np.abs(values) <= MAX_AMOUNT), index=amounts.index)


@dataclass(frozen=True)
class FormatGuess:
    """How a column's numbers are written, from all its text cells.

    Attributes:
        number_format: ``"id"``, ``"en"``, or ``"ambiguous"`` (every cell reads both ways, and
            some give different values).
        examples: For ``ambiguous``: a few cells with their two readings.
    """

    number_format: str
    examples: tuple[tuple[str, float, float], ...] = ()


def infer_number_format(values: pd.Series, as_indonesian: ParsedNumbers | None = None
                        ) -> FormatGuess:
    """Tell from all of a column's text cells whether it is written the Indonesian or English way.

    The format under which every text cell reads wins; if both do and some cell reads to
    different values (``45,000`` is 45 or 45000), the column is ambiguous and nothing is
    guessed. When neither reads every cell, the one reading more cells wins (Indonesian on a tie),
    and the cells it cannot read are reported as invalid as usual.

    Args:
        values: A column of cells as written.
        as_indonesian: The column already read the Indonesian way, when it has been: spares
            reading it again.

    Example:
        >>> infer_number_format(pd.Series(["1.500.000", "12,5 juta"])).number_format
        'id'
        >>> infer_number_format(pd.Series(["1,500,000.50", "750"])).number_format
        'en'
        >>> infer_number_format(pd.Series(["45,000", "1,500"])).number_format
        'ambiguous'
    """
    texts = pd.Series([value for value in pd.unique(values.dropna())
                       if isinstance(value, str) and value.strip() not in MISSING_TOKENS],
                      dtype=object)
    if texts.empty:
        return FormatGuess("id")
    if as_indonesian is not None:  # the column read the Indonesian way already: count from it
        id_bad = len({value for value in values[as_indonesian.is_invalid.to_numpy()].tolist()
                      if isinstance(value, str)})
        indonesian = None
    else:
        indonesian = _parse_cells(texts, "id")
        id_bad = int(indonesian.is_invalid.sum())
    # Cells no English number can be (1.500.000, 12,5): when at least as many as the cells the
    # Indonesian reading fails, English cannot win, and there is no need to read it.
    if id_bad == 0:  # one such cell is enough, and the first is usually the first cell
        not_english = int(any(map(_NOT_ENGLISH_CELL.search, texts)))
    else:
        not_english = int(texts.astype(str).str.contains(_NOT_ENGLISH).sum())
    if not_english and not_english >= id_bad:
        return FormatGuess("id")
    if indonesian is None:
        indonesian = _parse_cells(texts, "id")
    english = _parse_cells(texts, "en")
    en_bad = int(english.is_invalid.sum())
    if id_bad == 0 and en_bad == 0:
        a = indonesian.numbers.to_numpy(dtype="float64", na_value=np.nan)
        b = english.numbers.to_numpy(dtype="float64", na_value=np.nan)
        differ = ~((a == b) | (np.isnan(a) & np.isnan(b)))
        if not differ.any():
            return FormatGuess("id")
        examples = tuple((str(texts.iloc[i]), float(a[i]), float(b[i]))
                         for i in np.flatnonzero(differ)[:3])
        return FormatGuess("ambiguous", examples)
    return FormatGuess("en" if en_bad < id_bad else "id")
