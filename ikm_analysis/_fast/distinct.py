"""Apply a per-cell Python function once per distinct value, not once per row.

Registry columns repeat the same few values (30 kelurahan, a handful of status words) across
thousands or millions of rows; mapping the distinct values and taking them back by position keeps
cell-level parsing vectorised in cost.

Example:
    >>> letters = pd.Series(["a", "b", "a", None])
    >>> upper = map_distinct(letters, str.upper, missing="", dtype="string")
    >>> upper.tolist()
    ['A', 'B', 'A', '']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from ikm_analysis._fast.fingerprints import text_fingerprints


def map_distinct(
    values: pd.Series, func: Callable[[object], object], missing: object, dtype: object
) -> pd.Series:
    """Map every cell through ``func``, calling it once per distinct non-missing value.

    Args:
        values: Any column.
        func: Applied to each distinct non-missing value.
        missing: Result for missing cells (``None``, NaN, ``pd.NA``).
        dtype: dtype of the result.

    Returns:
        The mapped column, with the input's index.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    # One typed result per distinct value plus ``missing`` last: code -1 (a missing cell) takes
    # the last element, and the take stays in the result's dtype instead of Python objects.
    results = pd.array([*(func(value) for value in uniques.tolist()), missing], dtype=dtype)
    return pd.Series(results.take(codes), index=values.index)


def apply_distinct(values: pd.Series, func: Callable[[pd.Series], tuple[pd.Series, ...]]
                   ) -> tuple[pd.Series, ...]:
    """Run a vectorised ``func`` on the distinct values only, then spread its results back.

    For a column that repeats a few hundred values over millions of rows (KBLI codes, status
    words), the work shrinks to the distinct values and one take per result.

    Args:
        values: Any column (missing values are passed to ``func`` as one distinct value).
        func: Takes a Series of distinct values and returns Series aligned with it.

    Returns:
        ``func``'s results, one value per row of ``values``, with its index.

    Example:
        >>> codes = pd.Series(["10", "10", None, "31"], dtype="string")
        >>> (upper,) = apply_distinct(codes, lambda s: (s.str.zfill(3),))
        >>> upper.tolist()
        ['010', '010', <NA>, '031']
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    distinct = pd.Series(uniques, dtype=values.dtype)
    # Take the values only: ``result.iloc[codes]`` would take (and materialise) the index too.
    return tuple(pd.Series(result.array.take(codes), index=values.index, name=result.name)
                 for result in func(distinct))


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


def without_unused_categories(values: pd.Series) -> pd.Series:
    """``values.cat.remove_unused_categories()``, by counting codes instead of sorting them.

    pandas finds the used categories with :func:`numpy.unique`, which sorts every code: about
    0.3 s per column at 10M rows, against a few hundredths for one counting pass.

    Args:
        values: A categorical column.

    Returns:
        The same values whose categories are only those that occur, in their order.

    Example:
        >>> values = pd.Series(pd.Categorical(["b", None, "b"], categories=["a", "b", "c"]))
        >>> without_unused_categories(values).cat.categories.tolist()
        ['b']
    """
    codes = values.cat.codes.to_numpy()
    categories = values.cat.categories
    if len(categories) <= 16:  # a pass per category over the small codes, no temporary counts
        is_used = np.array([bool((codes == code).any()) for code in range(len(categories))],
                           dtype=bool)
    else:
        is_used = np.bincount(codes + 1, minlength=len(categories) + 1)[1:] > 0
    if is_used.all():
        return values
    # new code of each old code, and -1 (missing) for code -1, found at the last position
    new_code = np.append(np.where(is_used, np.cumsum(is_used) - 1, -1), -1).astype(codes.dtype)
    recoded = pd.Categorical.from_codes(new_code[codes], categories[is_used],
                                        ordered=values.cat.ordered)
    return pd.Series(recoded, index=values.index, name=values.name)


def first_seen_codes(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes numbered in order of first appearance, and the position where each code is first.

    The same as ``pandas.factorize(keys)[0]`` and ``numpy.unique(codes, return_index=True)[1]``.
    Keys in a small range (pairs of kelurahan and kecamatan codes) need no hashing and no sort:
    the first position of every key value comes from one ``minimum.at`` pass.

    Args:
        keys: Non-negative integers.

    Returns:
        ``(codes, first_positions)``: ``first_positions[k]`` is the first position of code k.

    Example:
        >>> codes, first = first_seen_codes(np.array([30, 4, 30, 7, 4]))
        >>> codes.tolist(), first.tolist()
        ([0, 1, 0, 2, 1], [0, 1, 3])
    """
    count = len(keys)
    keys = np.asarray(keys, dtype=np.int64)
    if count == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    span = int(keys.max()) + 1
    if span > 2 * count + 1024:  # a wide range: an array per key value would be mostly empty
        codes, _ = pd.factorize(keys)
        return codes, np.flatnonzero(first_occurrences(codes))
    first_of_key = np.full(span, count, dtype=np.intp)
    np.minimum.at(first_of_key, keys, np.arange(count, dtype=np.intp))
    seen = np.flatnonzero(first_of_key < count)
    in_order = seen[np.argsort(first_of_key[seen], kind="stable")]  # keys by first appearance
    code_of_key = np.empty(span, dtype=np.intp)
    code_of_key[in_order] = np.arange(len(in_order))
    return code_of_key[keys], first_of_key[in_order]


def codes_and_labels(column: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes per row (-1 where missing) and the label of each code.

    A categorical column gives its own codes, with nothing to hash; any other is factorised.

    Example:
        >>> codes, labels = codes_and_labels(pd.Series(["b", None, "b", "a"]))
        >>> codes.tolist(), labels.tolist()
        ([0, -1, 0, 1], ['b', 'a'])
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy(), pd.Index(column.cat.categories, dtype=object)
    codes, labels = pd.factorize(column)
    return codes, pd.Index(labels, dtype=object)


def row_keys(columns: Sequence[pd.Series], start: np.ndarray | None = None) -> np.ndarray:
    """One integer per row, equal exactly for rows that hold the same values in ``columns``.

    A missing cell counts as a value of its own. Categorical columns give their codes, so
    nothing is hashed for them (:func:`codes_and_labels`). The keys are at most the product of
    the columns' label counts plus one (times the range of ``start``): small for codes.

    Args:
        columns: Columns of equal length.
        start: Non-negative integer keys to refine (codes of an earlier step), or ``None``.

    Example:
        >>> keys = row_keys([pd.Series(["a", "b", "a", None]), pd.Series([1, 1, 1, 1])])
        >>> bool(keys[0] == keys[2]), len(set(keys.tolist()))
        (True, 3)
    """
    key = (np.zeros(len(columns[0]), dtype=np.int64) if start is None
           else np.asarray(start, dtype=np.int64))
    for column in columns:
        codes, labels = codes_and_labels(column)
        key = key * (len(labels) + 1) + (codes + 1)  # a missing cell is 0
    return key
