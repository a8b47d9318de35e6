"""A table as a report shows it: its values (hidden cells missing), its text, notes under it.

Every table builder of the reports returns a :class:`ReportTable`; the notebook shows
``table.html()``, charts and maps read ``table.series(...)`` and ``table.by_key(...)``.

Example:
    >>> values = pd.DataFrame({"units": pd.array([5, pd.NA, 7], dtype="Int64")},
    ...                       index=["pangan", "kayu", TOTAL])
    >>> text = pd.DataFrame({"Kategori": ["Pangan", "Kayu", "Jumlah"], "Unit": ["5", "x", "7"]})
    >>> table = ReportTable("contoh", values, text)
    >>> table.by_key("units").tolist(), table.series("units").index.tolist()
    ([5, <NA>], ['Pangan', 'Kayu'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ikm_analysis.report.display import html_table, note_html

#: Index label of a table's total row.
TOTAL = "__total__"


@dataclass(frozen=True)
class ReportTable:
    """A table as a report shows it.

    Attributes:
        table_id: Stable HTML id (tests and links find the table by it).
        values: The numbers, hidden cells as ``pd.NA``; indexed by key (``__total__`` for the
            total row).
        text: What is printed, one string per cell, first column the row label.
        notes: Sentences printed under the table.
        is_list: True when the last row is not a total.
    """

    table_id: str
    values: pd.DataFrame
    text: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    is_list: bool = False

    def series(self, column: str) -> pd.Series:
        """One value column without the total row, indexed by the printed row label (charts)."""
        rows = self.values.index != TOTAL
        return pd.Series(self.values.loc[rows, column].to_numpy(),
                         index=self.text.iloc[:, 0][rows].to_numpy(), name=column)

    def labelled(self) -> pd.DataFrame:
        """Every value column without the total row, indexed by the printed row label (charts).

        Example:
            >>> values = pd.DataFrame({2023: [4, 9], 2024: [5, 9]}, index=["pangan", TOTAL])
            >>> text = pd.DataFrame({"Kategori": ["Pangan", "Jumlah"]})
            >>> ReportTable("t", values, text).labelled().loc["Pangan"].tolist()
            [4, 5]
        """
        rows = self.values.index != TOTAL
        frame = self.values.loc[rows].copy()
        frame.index = self.text.iloc[:, 0][rows].to_numpy()
        return frame

    def by_key(self, column: str) -> pd.Series:
        """One value column without the total row, indexed by key (maps)."""
        return self.values.loc[self.values.index != TOTAL, column]

    def html(self) -> str:
        """The table and its notes as HTML."""
        parts = [html_table(self.text, self.table_id, self.is_list)]
        parts += [note_html(note) for note in self.notes]
        return "\n".join(parts)
