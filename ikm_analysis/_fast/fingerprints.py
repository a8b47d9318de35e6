"""64-bit fingerprints of short text cells, computed with array arithmetic instead of a hash table.

Whether ten million registration numbers are all different is a question a hash table answers
slowly: it outgrows the processor's caches and is rebuilt as it grows.
Equal cells have equal fingerprints, so sorting the fingerprints (numpy sorts 10M 64-bit
integers in a few hundredths of a second) finds every cell that *may* repeat another; only those
few are then compared exactly (:func:`ikm_analysis._fast.distinct.earlier_repeats`). Two different
cells can share a fingerprint, rarely; that costs a comparison, never a wrong answer.

Example:
    >>> ids = pd.Series(["SIN-01", "SIN-02", "SIN-01"], dtype="string")
    >>> prints = text_fingerprints(ids)
    >>> bool(prints[0] == prints[2]), bool(prints[0] == prints[1])
    (True, False)
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ikm_analysis._fast.arrow_text import as_arrow_text, text_bytes

#: Longer cells are left to a hash table: the padded block would cost more than it saves.
MAX_WIDTH = 64
_START = np.uint64(0x9E3779B97F4A7C15)
_MULTIPLIER = np.uint64(0xFF51AFD7ED558CCD)
_SHIFT = np.uint64(33)


def text_fingerprints(values: pd.Series) -> np.ndarray | None:
    """A 64-bit fingerprint per cell, equal for equal cells; ``None`` where this does not apply.

    Applies to text columns with no missing cell, whose cells are all ASCII and at most
    :data:`MAX_WIDTH` bytes long (registration numbers, codes). Each cell is padded to the
    longest, read as 8-byte words and mixed word by word with its length.

    Args:
        values: Any column.

    Returns:
        ``uint64`` fingerprints aligned with ``values``, or ``None`` for a column that is not
        text, has a missing or a non-ASCII cell, or a cell longer than :data:`MAX_WIDTH`.

    Example:
        >>> text_fingerprints(pd.Series(["Kopi Ñusa"], dtype="string")) is None
        True
    """
    text = as_arrow_text(values)
    if text is None or text.null_count:
        return None
    if len(text) == 0:
        return np.zeros(0, dtype=np.uint64)
    width = pc.max(pc.binary_length(text)).as_py()
    if width > MAX_WIDTH:
        return None
    if width == 0:  # every cell is the empty text
        return np.zeros(len(text), dtype=np.uint64)
    parts = [_chunk_fingerprints(chunk, width) for chunk in text.chunks if len(chunk)]
    if any(part is None for part in parts):
        return None
    return np.concatenate(parts)


def _chunk_fingerprints(chunk: pa.Array, width: int) -> np.ndarray | None:
    padded = pc.utf8_rpad(chunk, width=width, padding=" ")
    _, cells = text_bytes(padded)
    # Padding counts characters: a non-ASCII cell ends up longer than ``width`` bytes.
    if len(cells) != width * len(padded):
        return None
    word_count = -(-width // 8)
    block = np.zeros((len(padded), word_count * 8), dtype=np.uint8)
    block[:, :width] = cells.reshape(len(padded), width)
    words = block.view("<u8")
    # The true length keeps "A" apart from "A " (both pad to the same bytes).
    fingerprint = pc.binary_length(chunk).to_numpy().astype(np.uint64) * _START
    # Every step maps fingerprints one to one, so cells of one length that differ in a single
    # word never collide; cells differing in several words rarely do.
    for column in range(word_count):
        fingerprint ^= words[:, column]
        fingerprint *= _MULTIPLIER
        fingerprint ^= fingerprint >> _SHIFT
    return fingerprint
