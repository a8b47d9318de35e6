r"""Whole-column text operations in Arrow, equal cell for cell to their per-cell Python versions.

A national registry has millions of distinct business names; calling a Python function per name
is the slow path. For a column holding only text (Arrow-backed, or object cells that are all
``str``), these functions do the same work with ``pyarrow.compute`` kernels. Property tests check
that they agree with :func:`ikm_analysis.folding.fold_text` and the space cleaning of
:func:`ikm_analysis.cleaning.clean_text` on arbitrary Unicode.

Example:
    >>> values = pd.Series(["  Kue\u00a0 Ibu ", "", None, "KEL. Menteng"], dtype="string")
    >>> collapse_spaces(as_arrow_text(values)).to_pylist()
    ['Kue Ibu', None, None, 'KEL. Menteng']
    >>> fold_arrow(as_arrow_text(values)).to_pylist()
    ['kue ibu', '', '', 'kel menteng']
"""

from __future__ import annotations

import sys

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

#: Every character Python's ``str.split()`` splits on, as an RE2 character class.
_WHITESPACE = "[" + "".join(
    f"\\x{{{code:x}}}" for code in range(sys.maxunicode + 1) if chr(code).isspace()) + "]+"


def as_arrow_text(values: pd.Series) -> pa.ChunkedArray | None:
    """The column as an Arrow string array, or ``None`` when it holds anything but text.

    Example:
        >>> as_arrow_text(pd.Series([1.0, "a"], dtype=object)) is None
        True
        >>> as_arrow_text(pd.Series(["a", None], dtype=object)).to_pylist()
        ['a', None]
    """
    dtype = values.dtype
    is_arrow_string = (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow") or (
        isinstance(dtype, pd.ArrowDtype) and pa.types.is_string(dtype.pyarrow_dtype))
    if is_arrow_string:
        array = pa.array(values.array)
    elif pd.api.types.is_object_dtype(dtype) and pd.api.types.infer_dtype(
            values, skipna=True) in ("string", "empty"):
        array = pa.array(values.to_numpy(), type=pa.string(), from_pandas=True)
    else:
        return None
    return array if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])


def _on_distinct(text: pa.ChunkedArray, kernel) -> pa.ChunkedArray:
    """Apply ``kernel`` to each distinct value once and spread the results back.

    Registry columns range from 30 kelurahan names to millions of business names; hashing first
    keeps the first case nearly free and costs the second little.
    """
    encoded = pc.dictionary_encode(text.combine_chunks())
    return pa.chunked_array([pc.take(kernel(encoded.dictionary), encoded.indices)])


def _collapse(text: pa.Array) -> pa.Array:
    collapsed = pc.utf8_trim(pc.replace_substring_regex(text, _WHITESPACE, " "), " ")
    return pc.if_else(pc.equal(collapsed, ""), pa.scalar(None, pa.string()), collapsed)


def _fold(text: pa.Array) -> pa.Array:
    ascii_only = pc.replace_substring_regex(pc.utf8_normalize(text, "NFKD"), r"[^\x00-\x7f]+",
                                            "")
    words = pc.replace_substring_regex(pc.ascii_lower(ascii_only), "[^0-9a-z]+", " ")
    return pc.utf8_trim(words, " ")


def collapse_spaces(text: pa.ChunkedArray) -> pa.ChunkedArray:
    """Strip, collapse runs of whitespace to one space; empty cells become null."""
    return _on_distinct(text, _collapse)


def fold_arrow(text: pa.ChunkedArray) -> pa.ChunkedArray:
    """Fold like :func:`ikm_analysis.folding.fold_text`; null folds to ``""``.

    NFKD, ASCII only, lower case, then only ``a-z0-9`` and single spaces.
    """
    return pc.fill_null(_on_distinct(text, _fold), "")


def to_string_series(text: pa.ChunkedArray, index: pd.Index) -> pd.Series:
    """An Arrow string array as a pandas ``string`` column (``pd.NA`` for null)."""
    return pd.Series(pd.array(text, dtype=pd.StringDtype("pyarrow")), index=index)
