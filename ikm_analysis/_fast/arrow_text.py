r"""Whole-column text operations in Arrow, equal cell for cell to their per-cell Python versions.

A national registry has millions of distinct business names; calling a Python function per name
is the slow path. For a column holding only text (Arrow-backed, or object cells that are all
``str``), these functions do the same work with ``pyarrow.compute`` kernels. Property tests check
that they agree with :func:`ikm_analysis.folding.fold_text` and the space cleaning of
:func:`ikm_analysis.clean.pipeline.clean_text` on arbitrary Unicode.

Example:
    >>> values = pd.Series(["  Kue\u00a0 Ibu ", "", None, "KEL. Menteng"], dtype="string")
    >>> collapse_spaces(as_arrow_text(values)).to_pylist()
    ['Kue Ibu', None, None, 'KEL. Menteng']
    >>> fold_arrow(as_arrow_text(values)).to_pylist()
    ['kue ibu', '', '', 'kel menteng']
"""

from __future__ import annotations

import sys
import unicodedata
from functools import cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


@cache
def _python_spaces() -> tuple[str, ...]:
    """Every character Python's ``str.split()`` splits on (a scan of all code points, once)."""
    return tuple(chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace())


def _space_class(characters: tuple[str, ...]) -> str:
    """The characters as an RE2 character class."""
    return "[" + "".join(f"\\x{{{ord(character):x}}}" for character in characters) + "]"


@cache
def whitespace_pattern() -> str:
    """A run of characters Python splits on, as an RE2 pattern."""
    return _space_class(_python_spaces()) + "+"


@cache
def needs_collapse_pattern() -> str:
    """Cells that collapsing changes: " " at either end or twice in a row, or any other space."""
    others = _space_class(tuple(space for space in _python_spaces() if space != " "))
    return f"^ | $|  |{others}"


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


#: Lower-cased ASCII cells that folding changes: anything but a-z, 0-9 and single inner spaces.
_NEEDS_FOLD = "[^0-9a-z ]|  |^ | $"
#: Values looked at to choose between hashing (repetitive columns) and a straight pass.
_PROBE_SIZE = 10_000


def _on_distinct(text: pa.Array, kernel) -> pa.Array:
    """Apply ``kernel`` to each distinct value once and spread the results back."""
    encoded = pc.dictionary_encode(text)
    return pc.take(kernel(encoded.dictionary), encoded.indices)


def _on_matching(text: pa.Array, pattern: str, kernel) -> pa.Array:
    """Apply ``kernel`` only to the cells matching ``pattern``; the others are left as they are.

    A kernel must leave a non-matching cell unchanged; matching is far cheaper than rewriting.
    """
    return _on_mask(text, pc.fill_null(pc.match_substring_regex(text, pattern), False), kernel)


def _on_mask(text: pa.Array, mask: pa.Array, kernel) -> pa.Array:
    """Apply ``kernel`` only to the cells where ``mask`` is true."""
    if not pc.any(mask).as_py():
        return text
    return pc.replace_with_mask(text, mask, kernel(text.filter(mask)))


def _may_need_collapse(text: pa.Array) -> pa.Array:
    """Cells collapsing might change: every cell :func:`needs_collapse_pattern` matches, and more.

    Read from the bytes with numpy, four times faster than the regular expression: a cell is
    marked when it starts or ends with a space, holds two spaces in a row, or holds any byte
    outside printable ASCII (control characters, and every non-ASCII character, which covers
    the non-ASCII spaces). Marking a cell that needs nothing only costs a rewrite that changes
    nothing.
    """
    offsets, data = text_bytes(text)
    if len(data) == 0:  # no text at all
        return pa.array(np.zeros(len(text), dtype=bool))
    starts, ends = offsets[:-1], offsets[1:]
    # Bytes 32..126 map to 0..94; the subtraction wraps everything else above 94.
    is_odd = (data - np.uint8(32)) > np.uint8(94)
    is_space = data == 32
    is_odd[1:] |= is_space[1:] & is_space[:-1]  # (a pair across two cells marks one: harmless)
    marked = np.zeros(len(text), dtype=bool)
    marked[np.searchsorted(ends, np.flatnonzero(is_odd), side="right")] = True
    filled = ends > starts
    marked[filled] |= is_space[starts[filled]] | is_space[ends[filled] - 1]
    return pa.array(marked)


def text_bytes(text: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The UTF-8 bytes of a string array, and where each cell starts in them (no copy).

    Returns:
        ``(offsets, data)``: cell ``i`` is ``data[offsets[i]:offsets[i + 1]]``; ``offsets``
        (int64, one more than the cells) starts at 0 even for a slice of a larger array.

    Example:
        >>> offsets, data = text_bytes(pa.array(["ab", "", "c"]).slice(1))
        >>> offsets.tolist(), data.tobytes()
        ([0, 0, 1], b'c')
    """
    if len(text) == 0:  # its buffers may be absent
        return np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.uint8)
    offset_type = np.int64 if pa.types.is_large_string(text.type) else np.int32
    offsets = np.frombuffer(text.buffers()[1], dtype=offset_type)
    offsets = offsets[text.offset:text.offset + len(text) + 1].astype(np.int64)
    first, last = int(offsets[0]), int(offsets[-1])
    if first == last:  # only empty or missing cells: the data buffer may be absent
        return offsets - first, np.zeros(0, dtype=np.uint8)
    return offsets - first, np.frombuffer(text.buffers()[2], dtype=np.uint8)[first:last]


def _is_repetitive(text: pa.Array) -> bool:
    """Whether the first values repeat (kelurahan, status words) rather than differ (names).

    Hashing pays for itself on the first kind; on the second, a nearly unique column, it costs
    more than the straight pass it saves, several times more for unit numbers.
    """
    probe = text.slice(0, _PROBE_SIZE)
    return pc.count_distinct(probe).as_py() * 2 <= len(probe)


def _collapse(text: pa.Array) -> pa.Array:
    return pc.utf8_trim(pc.replace_substring_regex(text, whitespace_pattern(), " "), " ")


def _collapse_column(text: pa.Array) -> pa.Array:
    collapsed = _on_mask(text, _may_need_collapse(text), _collapse)
    is_empty = pc.fill_null(pc.equal(collapsed, ""), False)
    if not pc.any(is_empty).as_py():  # no copy of a column that has no empty cell
        return collapsed
    return pc.if_else(is_empty, pa.scalar(None, collapsed.type), collapsed)


def ascii_letters(text: str) -> str:
    """NFKD-decompose and keep the ASCII part: ``"Café ﬁ"`` -> ``"Cafe fi"``.

    Python's own Unicode tables, not Arrow's: they differ for characters newer than the
    interpreter's Unicode version (Arrow decomposes U+1CCD6 to ``A``, Python 3.11 leaves it).

    Example:
        >>> ascii_letters("Café ﬁ")
        'Cafe fi'
    """
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _fold_non_ascii(text: pa.Array) -> pa.Array:
    # Cell by cell in Python (non-ASCII cells are few), so the tables are fold_text's.
    return pa.array([None if value is None else ascii_letters(value)
                     for value in text.to_pylist()], type=text.type)


def _fold_ascii(text: pa.Array) -> pa.Array:
    return pc.utf8_trim(pc.replace_substring_regex(text, "[^0-9a-z]+", " "), " ")


def _fold_column(text: pa.Array) -> pa.Array:
    # NFKD leaves ASCII as it is, so only non-ASCII cells need normalising.
    is_ascii = pc.fill_null(pc.string_is_ascii(text), True)
    if not pc.all(is_ascii).as_py():
        not_ascii = pc.invert(is_ascii)
        text = pc.replace_with_mask(text, not_ascii, _fold_non_ascii(text.filter(not_ascii)))
    return _on_matching(pc.ascii_lower(text), _NEEDS_FOLD, _fold_ascii)


def _whole_column(text: pa.ChunkedArray, column_kernel) -> pa.ChunkedArray:
    """Run a column kernel once per distinct value (repetitive columns) or once per cell."""
    if len(text.chunks) and _is_repetitive(text.chunk(0)):
        return pa.chunked_array([_on_distinct(text.combine_chunks(), column_kernel)])
    # Chunk by chunk (a Parquet row group each): no copy of the whole column first.
    return pa.chunked_array([column_kernel(chunk) for chunk in text.chunks], type=text.type)


def collapse_spaces(text: pa.ChunkedArray) -> pa.ChunkedArray:
    """Strip, collapse runs of whitespace to one space; empty cells become null."""
    return _whole_column(text, _collapse_column)


def fold_arrow(text: pa.ChunkedArray) -> pa.ChunkedArray:
    """Fold like :func:`ikm_analysis.folding.fold_text`; null folds to ``""``.

    NFKD, ASCII only, lower case, then only ``a-z0-9`` and single spaces.
    """
    return pc.fill_null(_whole_column(text, _fold_column), "")


def to_string_series(text: pa.ChunkedArray, index: pd.Index) -> pd.Series:
    """An Arrow string array as a pandas ``string`` column (``pd.NA`` for null)."""
    return pd.Series(pd.array(text, dtype=pd.StringDtype("pyarrow")), index=index)
