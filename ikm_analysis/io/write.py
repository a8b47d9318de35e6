"""Write tables to disk safely: atomically, and CSV cells defused against formula injection.

A spreadsheet program runs a CSV cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or
carriage return) as a formula; :func:`neutralise_formulas` prefixes such text with ``'``.
:func:`write_table` writes to a temporary file beside the target and renames it into place, so a
failure never leaves a half-written file or replaces a good one.

Example:
    >>> neutralise_formulas(pd.DataFrame({"v": ["=HYPERLINK(1)", "Kue", "-5"]}))["v"].tolist()
    ["'=HYPERLINK(1)", 'Kue', "'-5"]
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as formulas with a single quote.

    Args:
        frame: Any table; only text columns are touched.

    Returns:
        A new table; the input is not modified.
    """
    result = frame.copy()
    for name in result.columns:
        column = result[name]
        if pd.api.types.is_string_dtype(column) or column.dtype == object:
            text = column.astype("string")
            risky = text.str.startswith(FORMULA_PREFIXES).fillna(False)
            if risky.any():
                result[name] = text.mask(risky, "'" + text)
    return result


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as CSV (UTF-8 with BOM, formulas neutralised) or Parquet, atomically.

    Args:
        frame: The table.
        path: Target file; ``.csv`` or ``.parquet`` decides the format.

    Returns:
        The path written.

    Raises:
        ValueError: For another suffix.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ValueError(f"{path}: write .csv or .parquet")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        if suffix == ".csv":
            neutralise_formulas(frame).to_csv(temporary, index=False, encoding="utf-8-sig",
                                              lineterminator="\n")
        else:
            frame.to_parquet(temporary, index=False)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
