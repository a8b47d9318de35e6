"""The quarantine table: every rejected row, which cell, what it held, and why.

One line per problem. The table shows the header and the value as they were written in the
file, so an officer can find and fix the cell; it may therefore hold personal data and is the
only output that does.

Example:
    >>> from pathlib import Path
    >>> from ikm_analysis.clean.issues import CellIssues
    >>> frame = pd.DataFrame({"status": ["buka"]}, index=pd.Index([5], name="source_row"))
    >>> raw = RawRegistry(frame, Path("ikm.xlsx"), headers={"status": "Status Usaha"})
    >>> issues = CellIssues.empty().add(pd.Series([True], index=[5]), "status", "unknown_status")
    >>> build_quarantine_table(raw, issues).iloc[0][["column", "value", "reason_code"]].tolist()
    ['Status Usaha', 'buka', 'unknown_status']
"""

from __future__ import annotations

import pandas as pd

from ikm_analysis._fast.distinct import map_distinct
from ikm_analysis.clean.issues import CellIssues, describe_reason
from ikm_analysis.io.read import RawRegistry, cell_as_written

QUARANTINE_COLUMNS = (
    "source_file", "source_sheet", "source_row", "column", "field", "value", "reason_code",
    "reason",
)


def build_quarantine_table(raw: RawRegistry, issues: CellIssues, lang: str = "id") -> pd.DataFrame:
    """Join issues with the raw cells they concern.

    Args:
        raw: The rows as read.
        issues: Problems found by cleaning.
        lang: Language of the ``reason`` column, ``"id"`` or ``"en"``.

    Returns:
        Columns ``source_file``, ``source_sheet`` (empty for a file without sheets),
        ``source_row`` (the row as Excel numbers it), ``column`` (header as written), ``field``
        (canonical name), ``value`` (cell as written), ``reason_code``, ``reason``; sorted by row.
    """
    frame = issues.frame
    if frame.empty:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in QUARANTINE_COLUMNS})
    values = pd.Series("", index=frame.index, dtype=object)
    for field, group in frame.groupby("column", sort=False):
        columns = list(raw.parts.get(field, ())) or ([field] if field in raw.columns else [])
        if columns:
            cells = raw.cells(group["row"].to_numpy(), columns)
            shown = [map_distinct(cells[column], cell_as_written, "", object).to_numpy()
                     for column in columns]
            values[group.index] = [" + ".join(part for part in parts if part)
                                   for parts in zip(*shown, strict=True)]
    places = raw.location(frame["row"].tolist())
    table = pd.DataFrame(
        {
            "source_file": raw.path.name,
            "source_sheet": [sheet for sheet, _ in places],
            "source_row": pd.array([row for _, row in places], dtype="int64"),
            "_record": frame["row"].astype("int64").to_numpy(),
            "column": [raw.headers.get(field, "") for field in frame["column"]],
            "field": frame["column"],
            "value": values.to_numpy(),
            "reason_code": frame["reason_code"],
            "reason": [
                describe_reason(code, detail, lang)
                for code, detail in zip(frame["reason_code"], frame["detail"], strict=True)
            ],
        }
    )
    table = table.sort_values(["_record", "field", "reason_code"], kind="stable",
                              ignore_index=True)
    return table.drop(columns="_record")
