"""Which cells repeat earlier cells, found by sorting and counting instead of hash tables.

At national scale (ten million registration numbers) a hash table outgrows the processor's
caches; sorting 64-bit integers does not. Each function here gives what the pandas formulation
named in its docstring gives (``duplicated``, ``factorize``), property-tested in
``tests/_fast/``.

Example:
    >>> occurs_more_than_once(np.array([7, 3, 7, 0])).tolist()
    [True, False, True, False]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ikm_analysis._fast.fingerprints import text_fingerprints


def first_occurrences(codes: np.ndarray) -> np.ndarray:
    """Which positions hold the first occurrence of their code, in linear time (no hashing).

    Args:
        codes: Codes numbered in order of first appearance, as :func:`pandas.factorize` gives
            them (the first row has code 0, the first new value after it code 1, ...).

    Returns:
        A boolean array: ``True`` at the first row of each code, ``False`` at its repeats, as
        ``duplicated(keep="first")`` negated.

    Example:
        >>> codes, _ = pd.factorize(pd.Series(["A1", "A2", "A1", "A3", "A2"]))
        >>> first_occurrences(codes).tolist()
        [True, True, False, True, False]
    """
    if len(codes) == 0:
        return np.zeros(0, dtype=bool)
    # A code is new exactly when it exceeds every code before it.
    highest_so_far = np.maximum.accumulate(codes)
    return np.concatenate([[True], highest_so_far[1:] > highest_so_far[:-1]])


def earlier_repeats(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Positions of cells equal to an earlier cell, each with the position of the first one.

    Short text columns (registration numbers) are screened by sorting their fingerprints
    (:mod:`ikm_analysis._fast.fingerprints`): when no two fingerprints match, no cell repeats and no
    hash table is built. Otherwise only the cells whose fingerprint repeats are compared exactly.

    Args:
        values: A column without missing cells.

    Returns:
        ``(repeats, firsts)``: positions (not labels) of every cell that repeats an earlier one,
        in order, and for each the position of the first cell with its value.

    Raises:
        ValueError: If a cell is missing.

    Example:
        >>> earlier_repeats(pd.Series(["A1", "A2", "A1", "A3", "A2", "A1"], dtype="string"))
        (array([2, 4, 5]), array([0, 1, 0]))
    """
    if values.hasnans:
        raise ValueError("earlier_repeats: the column has missing cells")
    suspects = np.arange(len(values))
    fingerprints = text_fingerprints(values)
    if fingerprints is not None:
        ordered = np.sort(fingerprints)
        shared = ordered[1:][ordered[1:] == ordered[:-1]]
        if len(shared) == 0:
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
        # Equal cells share a fingerprint, so every repeat and its first cell are suspects.
        suspects = np.flatnonzero(np.isin(fingerprints, shared))
    codes, _ = pd.factorize(values.iloc[suspects])
    is_first = first_occurrences(codes)
    first_position = np.flatnonzero(is_first)  # the first suspect of code k is first_position[k]
    repeats = np.flatnonzero(~is_first)
    return suspects[repeats], suspects[first_position[codes[repeats]]]


def occurs_more_than_once(keys: np.ndarray) -> np.ndarray:
    """Whether each non-negative integer key occurs more than once in ``keys``.

    The keys are sorted together with their positions, packed into one 64-bit integer each when
    they fit: numpy sorts plain integers several times faster than it factorises or argsorts them.
    Keys too large to pack go through :func:`pandas.factorize`.

    Args:
        keys: Non-negative integers.

    Returns:
        A boolean array aligned with ``keys``, as ``duplicated(keep=False)``.

    Example:
        >>> occurs_more_than_once(np.array([7, 3, 7, 0])).tolist()
        [True, False, True, False]
    """
    count = len(keys)
    if count == 0:
        return np.zeros(0, dtype=bool)
    keys = np.asarray(keys, dtype=np.int64)
    position_bits = max(1, (count - 1).bit_length())
    if int(keys.max()).bit_length() + position_bits > 63:
        codes, uniques = pd.factorize(keys)
        return np.bincount(codes, minlength=len(uniques))[codes] > 1
    packed = np.sort((keys << position_bits) | np.arange(count, dtype=np.int64))
    sorted_keys = packed >> position_bits
    same_as_next = sorted_keys[1:] == sorted_keys[:-1]
    repeated = np.zeros(count, dtype=bool)
    repeated[1:] |= same_as_next
    repeated[:-1] |= same_as_next
    result = np.empty(count, dtype=bool)
    result[packed & ((1 << position_bits) - 1)] = repeated
    return result


def occurs_once(values: pd.Series) -> pd.Series:
    """``True`` where a value occurs once: ``~values.duplicated(keep=False)``.

    Linear for increasing values, which row numbers are: then nothing is hashed.

    Example:
        >>> occurs_once(pd.Series([3, 4, 9])).tolist(), occurs_once(pd.Series([3, 4, 3])).tolist()
        ([True, True, True], [False, True, False])
    """
    array = values.to_numpy()
    if len(array) < 2 or bool((array[1:] > array[:-1]).all()):
        return pd.Series(True, index=values.index)
    return ~values.duplicated(keep=False)
