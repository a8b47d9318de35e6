"""Statistical disclosure control: hide small counts, and the cells that would give them away.

A count of 1 or 2 units in a table cell can identify a business. Such cells (below
``threshold``, 3 by default; zeros are not sensitive) are suppressed (*primary suppression*).
Because a table also publishes its totals, one hidden cell in a row could be recovered by
subtraction, so further cells are hidden (*complementary suppression*) until no sensitive cell
can be computed exactly from what is shown.

Tables of amounts (workers, investment, production value) are protected the same way, with the
number of units behind each cell as ``contributors``: a total of one or two businesses' investment
is as revealing as a count of one or two.

The check is exact linear algebra, not a rule of thumb: the hidden cells are unknowns, every
published row and column total is an equation, and a hidden cell is *disclosed* when those
equations determine it (:func:`disclosed_cells`). Complements are chosen greedily, cheapest first:
a single cell on the same line, else the three cells that close a rectangle, preferring small
non-zero cells and interior cells over totals. This protects against exact recovery; it does not
bound how narrowly an attacker can bracket a value.

Example:
    >>> import pandas as pd
    >>> table = pd.DataFrame({"pangan": [10, 1], "kayu": [7, 9]}, index=["A", "B"])
    >>> result = suppress_small_cells(table)
    >>> result.masked().astype("string").fillna("x").values.tolist()
    [['x', 'x', '17'], ['x', 'x', '10'], ['11', '16', '27']]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_THRESHOLD = 3
_ZERO_PENALTY = 1e9  # a hidden zero protects little: use one only when nothing else works
_MARGIN_PENALTY = 1e6  # hide a total only when no interior cell works


@dataclass(frozen=True)
class SuppressedTable:
    """A table with its totals and which cells are hidden.

    Attributes:
        table: The counts (or amounts) with the published totals (labelled ``total_label``).
        is_suppressed: True where a cell must not be shown.
        is_primary: True where a cell is hidden because it is small, i.e. 1 to
            ``threshold - 1`` units stand behind it (the other hidden cells are complements).
        threshold: The smallest number of units a shown cell may stand for.
    """

    table: pd.DataFrame
    is_suppressed: pd.DataFrame
    is_primary: pd.DataFrame
    threshold: int

    def masked(self) -> pd.DataFrame:
        """The values (Int64 for counts, Float64 for amounts) with hidden cells missing.

        Example:
            >>> import pandas as pd
            >>> suppress_small_counts(pd.Series({"a": 5, "b": 1, "c": 4})).masked()[
            ...     "units"].tolist()
            [5, <NA>, <NA>, 10]
        """
        is_count = all(pd.api.types.is_integer_dtype(t) for t in self.table.dtypes)
        return self.table.astype("Int64" if is_count else "Float64").mask(self.is_suppressed)


def _constraints(n_rows: int, n_cols: int, row_totals: bool, column_totals: bool
                 ) -> list[list[tuple[int, int, int]]]:
    """Equations of the extended table: (row, column, coefficient) per term, summing to 0."""
    lines = []
    total_row, total_col = n_rows, n_cols
    if row_totals:
        for r in range(n_rows + (1 if column_totals else 0)):
            lines.append([(r, c, 1) for c in range(n_cols)] + [(r, total_col, -1)])
    if column_totals:
        for c in range(n_cols + (1 if row_totals else 0)):
            lines.append([(r, c, 1) for r in range(n_rows)] + [(total_row, c, -1)])
    return lines


def _determined(mask: np.ndarray, lines: list[list[tuple[int, int, int]]]) -> np.ndarray:
    """Which hidden cells the published cells and the equations determine exactly."""
    hidden = list(zip(*np.nonzero(mask), strict=True))
    result = np.zeros(mask.shape, dtype=bool)
    if not hidden:
        return result
    position = {cell: i for i, cell in enumerate(hidden)}
    rows = []
    for line in lines:
        coefficients = np.zeros(len(hidden))
        for r, c, coefficient in line:
            if (r, c) in position:
                coefficients[position[(r, c)]] = coefficient
        if coefficients.any():
            rows.append(coefficients)
    if not rows:
        return result
    system = np.array(rows)
    _, singular, vt = np.linalg.svd(system)
    rank = int((singular > 1e-9).sum())
    null_space = vt[rank:]  # rows spanning the free directions of the hidden cells
    free = np.abs(null_space).max(axis=0) > 1e-9 if len(null_space) else np.zeros(len(hidden),
                                                                                  dtype=bool)
    for (r, c), is_free in zip(hidden, free, strict=True):
        result[r, c] = not is_free
    return result


def _cost(values: np.ndarray, cells: list[tuple[int, int]], n_rows: int, n_cols: int) -> float:
    cost = 0.0
    for r, c in cells:
        cost += float(values[r, c])
        cost += _ZERO_PENALTY if values[r, c] == 0 else 0
        cost += _MARGIN_PENALTY if r >= n_rows or c >= n_cols else 0
    return cost


def _candidates(target: tuple[int, int], mask: np.ndarray, lines, values, n_rows, n_cols):
    """Complement sets for ``target``, cheapest first: single cells, then rectangles."""
    r, c = target
    singles = {(rr, cc) for line in lines if (r, c) in {(a, b) for a, b, _ in line}
               for rr, cc, _ in line if not mask[rr, cc]}
    yield from ([cell] for cell in sorted(singles, key=lambda x: (_cost(values, [x], n_rows,
                                                                          n_cols), x)))
    rectangles = []
    for rr, cc in itertools.product(range(mask.shape[0]), range(mask.shape[1])):
        if rr == r or cc == c:
            continue
        cells = [cell for cell in ((r, cc), (rr, cc), (rr, c)) if not mask[cell]]
        if cells:
            rectangles.append((_cost(values, cells, n_rows, n_cols), (rr, cc), cells))
    yield from (cells for _, _, cells in sorted(rectangles))


def _protect(values: np.ndarray, sensitive: np.ndarray, lines, n_rows: int, n_cols: int
             ) -> np.ndarray:
    mask = sensitive.copy()
    while True:
        exposed = list(zip(*np.nonzero(_determined(mask, lines) & sensitive), strict=True))
        if not exposed:
            return mask
        target = min(exposed, key=lambda cell: (values[cell], cell))
        for cells in _candidates(target, mask, lines, values, n_rows, n_cols):
            trial = mask.copy()
            for cell in cells:
                trial[cell] = True
            if not _determined(trial, lines)[target]:
                mask = trial
                break
        else:  # nothing closes the gap: hide the target's whole lines
            for line in lines:
                if any((a, b) == target for a, b, _ in line):
                    for a, b, _ in line:
                        mask[a, b] = True


def _extended(table: pd.DataFrame, row_totals: bool, column_totals: bool, total_label: str
              ) -> pd.DataFrame:
    extended = table.copy()
    if row_totals:
        extended[total_label] = extended.sum(axis=1)
    if column_totals:
        extended.loc[total_label] = extended.sum(axis=0)
    return extended


def _check_table(table: pd.DataFrame, name: str, whole: bool) -> None:
    numeric = table.to_numpy(dtype=float)
    if not np.isfinite(numeric).all() or (numeric < 0).any():
        raise ValueError(f"{name} must be finite and non-negative")
    if whole and not np.equal(np.mod(numeric, 1), 0).all():
        raise ValueError(f"{name} must be non-negative integers")


def suppress_small_cells(
    table: pd.DataFrame,
    threshold: int = DEFAULT_THRESHOLD,
    total_label: str = "Jumlah",
    row_totals: bool = True,
    column_totals: bool = True,
    contributors: pd.DataFrame | None = None,
) -> SuppressedTable:
    """Hide small cells of a cross table and enough complements to protect them.

    Args:
        table: Unit counts, or non-negative amounts when ``contributors`` is given, without
            totals (e.g. kecamatan by category).
        threshold: Cells standing for 1 to ``threshold - 1`` units are sensitive; 1 disables
            suppression.
        total_label: Label of the added total row and column.
        row_totals: Publish a total per row (a column labelled ``total_label``).
        column_totals: Publish a total per column (a row labelled ``total_label``).
        contributors: For a table of amounts: how many units stand behind each cell (same
            rows and columns). By default the table itself is a table of unit counts.

    Returns:
        The table with its totals and the suppression masks. Totals standing for fewer than
        ``threshold`` units are sensitive too.

    Raises:
        ValueError: Negative or non-finite values, non-integer counts, a threshold below 1,
            ``contributors`` of another shape, or a key equal to ``total_label``.

    Example:
        >>> import pandas as pd
        >>> table = pd.DataFrame({"a": [2, 5], "b": [6, 7]}, index=["X", "Y"])
        >>> result = suppress_small_cells(table)
        >>> int(result.is_primary.values.sum()), int(result.is_suppressed.values.sum())
        (1, 4)
        >>> investment = pd.DataFrame({"a": [9e6, 4e7], "b": [2e7, 3e7]}, index=["X", "Y"])
        >>> suppress_small_cells(investment, contributors=table).is_primary.loc["X", "a"]
        np.True_
    """
    if threshold < 1:
        raise ValueError(f"threshold must be 1 or more, got {threshold}")
    if total_label in table.index or total_label in table.columns:
        raise ValueError(f"{total_label!r} is already a key of the table; choose another label")
    _check_table(table, "counts" if contributors is None else "amounts", contributors is None)
    if contributors is None:
        contributors = table
    elif not (contributors.index.equals(table.index)
              and contributors.columns.equals(table.columns)):
        raise ValueError("contributors must have the same rows and columns as the table")
    _check_table(contributors, "contributors", whole=True)
    extended = _extended(table, row_totals, column_totals, total_label)
    units = _extended(contributors, row_totals, column_totals, total_label).to_numpy(dtype=float)
    values = extended.to_numpy(dtype=float)
    sensitive = (units > 0) & (units < threshold)
    lines = _constraints(table.shape[0], table.shape[1], row_totals, column_totals)
    mask = _protect(values, sensitive, lines, table.shape[0], table.shape[1])
    frame = lambda array: pd.DataFrame(array, index=extended.index,  # noqa: E731
                                       columns=extended.columns)
    return SuppressedTable(extended, frame(mask), frame(sensitive), threshold)


def suppress_small_counts(
    counts: pd.Series,
    threshold: int = DEFAULT_THRESHOLD,
    total_label: str = "Jumlah",
    contributors: pd.Series | None = None,
) -> SuppressedTable:
    """Hide small cells of a one-way table (e.g. units per category) and their complements.

    Args:
        counts: Non-negative integer counts per key, or amounts when ``contributors`` is given.
        threshold: Cells standing for 1 to ``threshold - 1`` units are sensitive.
        total_label: Label of the added total row.
        contributors: For amounts: how many units stand behind each key.

    Returns:
        A one-column table (named after ``counts``, ``units`` when unnamed) with a total row.

    Example:
        >>> import pandas as pd
        >>> result = suppress_small_counts(pd.Series({"a": 10, "b": 2, "c": 8}))
        >>> result.is_suppressed["units"].tolist()
        [False, True, True, False]
    """
    name = counts.name if counts.name is not None else "units"
    table = counts.to_frame(name)
    units = None if contributors is None else contributors.reindex(counts.index).to_frame(name)
    return suppress_small_cells(table, threshold, total_label, row_totals=False,
                                column_totals=True, contributors=units)


def disclosed_cells(result: SuppressedTable, row_totals: bool = True,
                    column_totals: bool = True) -> list[tuple[object, object]]:
    """Sensitive cells a reader could compute exactly from the published cells.

    The audit behind :func:`suppress_small_cells`, exposed so tests (and a cautious analyst)
    can check any table, including one suppressed by hand.

    Args:
        result: A suppressed table.
        row_totals: Whether its row totals are published.
        column_totals: Whether its column totals are published.

    Returns:
        (row label, column label) of every disclosed sensitive cell; empty when safe.

    Example:
        >>> import pandas as pd
        >>> result = suppress_small_counts(pd.Series({"a": 10, "b": 2, "c": 8}))
        >>> disclosed_cells(result, row_totals=False)
        []
    """
    n_rows = result.table.shape[0] - (1 if column_totals else 0)
    n_cols = result.table.shape[1] - (1 if row_totals else 0)
    lines = _constraints(n_rows, n_cols, row_totals, column_totals)
    exposed = _determined(result.is_suppressed.to_numpy(), lines) & result.is_primary.to_numpy()
    return [(result.table.index[r], result.table.columns[c])
            for r, c in zip(*np.nonzero(exposed), strict=True)]
