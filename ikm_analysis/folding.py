"""How names are compared: case, punctuation and spacing folded away, nothing else guessed.

Every lookup of a name typed by a person (headers, kelurahan, categories, status words) folds both
sides with these functions, so ``"KEL. Kalampangan "`` and ``"kel kalampangan"`` compare equal.

Example:
    >>> fold_text("  Kel./Desa  KALAMPANGAN ")
    'kel desa kalampangan'
"""

from __future__ import annotations

import re

import pandas as pd

from ikm_analysis._fast.arrow_text import as_arrow_text, ascii_letters, fold_arrow, to_string_series
from ikm_analysis._fast.distinct import map_distinct

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold_text(text: object) -> str:
    """Fold one value: Unicode-normalise, casefold, turn punctuation into spaces, collapse spaces.

    Args:
        text: Any value; ``None`` and NaN fold to the empty string.

    Returns:
        The folded text (only ``a-z``, ``0-9`` and single spaces).

    Example:
        >>> fold_text("Jml. T.K (orang)")
        'jml t k orang'
    """
    if text is None or (isinstance(text, float) and text != text) or text is pd.NA:
        return ""
    normalised = ascii_letters(str(text))
    return _NON_ALNUM.sub(" ", normalised.casefold()).strip()


def fold_series(values: pd.Series) -> pd.Series:
    """Fold every cell of a column with :func:`fold_text`, each distinct value once.

    Args:
        values: Any column.

    Returns:
        A ``string`` column with the folded text; missing cells fold to ``""``.

    Example:
        >>> fold_series(pd.Series(["Pahandut", " PAHANDUT.", None])).tolist()
        ['pahandut', 'pahandut', '']
    """
    text = as_arrow_text(values)
    if text is not None:  # a column of text: one Arrow pass (property-tested to agree)
        return to_string_series(fold_arrow(text), values.index)
    return map_distinct(values, fold_text, missing="", dtype="string")
