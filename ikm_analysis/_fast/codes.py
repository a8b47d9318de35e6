"""Integer codes of columns: labels per code, keys per row, first appearances, unused categories.

Categorical columns carry small integer codes; counting and combining those codes replaces
hashing the values. Each function gives what the pandas formulation named in its docstring gives,
property-tested in ``tests/_fast/``.

Example:
    >>> codes, labels = codes_and_labels(pd.Series(["b", None, "b", "a"]))
    >>> codes.tolist(), labels.tolist()
    ([0, -1, 0, 1], ['b', 'a'])
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ikm_analysis._fast.repeats import first_occurrences


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


def without_unused_categories(values: pd.Series) -> pd.Series:
    """``values.cat.remove_unused_categories()``, by counting codes instead of sorting them.

    pandas finds the used categories with :func:`numpy.unique`, which sorts every code: about
    several times slower than one counting pass over the codes.

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


def count_by_key(column: pd.Series, mask: np.ndarray, keys: Sequence[object]) -> np.ndarray:
    """How many rows where ``mask`` is true hold each key: ``column[mask].value_counts()``.

    One counting pass over the column's codes, without a filtered copy of the column.

    Args:
        column: Any column (categorical columns give their codes without hashing).
        mask: Boolean array aligned with ``column``.
        keys: The keys to count, in order; a key never seen counts 0, a missing cell nowhere.

    Returns:
        int64 counts aligned with ``keys``.

    Example:
        >>> column = pd.Series(["b", "a", "b", None], dtype="category")
        >>> count_by_key(column, np.array([True, True, False, True]), ["a", "b", "c"]).tolist()
        [1, 1, 0]
    """
    codes, labels = codes_and_labels(column)
    counted = mask & (codes >= 0)
    per_label = np.bincount(codes[counted], minlength=len(labels))
    return pd.Series(per_label, index=labels).reindex(list(keys), fill_value=0).to_numpy(
        dtype="int64")


def count_pairs(rows: pd.Series, columns: pd.Series) -> pd.DataFrame:
    """Rows per pair of values of two columns: ``pd.crosstab(rows, columns)`` over every label.

    One count of pair codes (categorical codes need no hashing) instead of a grouping. A row with
    a missing value in either column counts nowhere.

    Args:
        rows: Values that become the table's rows.
        columns: Values that become its columns.

    Returns:
        int64 counts, one row per label of ``rows`` and one column per label of ``columns``
        (categories that occur nowhere included, with zeros).

    Example:
        >>> count_pairs(pd.Series(["x", "x", "y"]), pd.Series(["a", "b", "a"])).values.tolist()
        [[1, 1], [1, 0]]
    """
    row_codes, row_labels = codes_and_labels(rows)
    column_codes, column_labels = codes_and_labels(columns)
    both = (row_codes >= 0) & (column_codes >= 0)
    pair_codes = row_codes[both].astype(np.int64) * len(column_labels) + column_codes[both]
    counts = np.bincount(pair_codes, minlength=len(row_labels) * len(column_labels))
    return pd.DataFrame(counts.reshape(len(row_labels), len(column_labels)), index=row_labels,
                        columns=column_labels)
