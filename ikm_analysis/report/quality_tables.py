"""The tables of the data-quality report: rows received, accepted, quarantined, and why.

Row counts describe the file, not businesses, so they are not suppressed; cell values are never
shown (they may be personal data).

Example:
    >>> from ikm_analysis.report.inputs import load_report_registry
    >>> table = quality_table(load_report_registry(None).processed, lang="en")
    >>> table.values.loc["Rows received", "rows"]
    np.int64(4184)
"""

from __future__ import annotations

import pandas as pd

from ikm_analysis.clean.issues import describe_reason
from ikm_analysis.clean.registry import ProcessedRegistry
from ikm_analysis.i18n import catalogue
from ikm_analysis.report.display import format_values
from ikm_analysis.report.table import ReportTable
from ikm_analysis.report.text import text


def quality_table(processed: ProcessedRegistry, synthetic_rows: int = 0,
                  lang: str = "id") -> ReportTable:
    """Rows received, accepted and quarantined, then quarantined rows per reason.

    Row counts describe the file, not businesses, so they are not suppressed.

    Args:
        processed: The registry as read and cleaned.
        synthetic_rows: Rows with synthetic unit numbers (shown when not zero).
        lang: ``"id"`` or ``"en"``.
    """
    summary = processed.summary()
    rows = [(text("ind_rows_read", lang), summary["rows_read"]),
            (text("ind_rows_clean", lang), summary["rows_clean"]),
            (text("ind_rows_quarantined", lang), summary["rows_quarantined"]),
            (text("ind_blank_rows", lang), summary["blank_rows_skipped"])]
    if synthetic_rows:
        rows.append((text("ind_synthetic_rows", lang), synthetic_rows))
    for code, count in summary["quarantined_rows_by_reason"].items():
        detail = "…" if "{detail}" in catalogue("id")[f"reason_{code}"] else ""
        reason = describe_reason(code, detail, lang)
        rows.append((f"— {reason} ({code})", count))
    values = pd.DataFrame({"rows": pd.array([count for _, count in rows], dtype="Int64")},
                          index=[label for label, _ in rows])
    shown = pd.DataFrame({text("col_item", lang): values.index,
                          text("col_rows", lang): format_values(values["rows"], lang).to_numpy()})
    return ReportTable("kualitas-data", values, shown, is_list=True)



def quarantine_by_column_table(processed: ProcessedRegistry, lang: str = "id") -> ReportTable:
    """Problems per column as written in the file, most frequent first."""
    quarantine = processed.quarantine
    counts = (quarantine.assign(column=quarantine["column"].replace("", "—"))
              .drop_duplicates(["source_row", "column"])["column"].value_counts())
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    values = pd.DataFrame({"rows": counts.astype("Int64")})
    shown = pd.DataFrame({text("col_column", lang): values.index.astype(str),
                          text("col_rows", lang): format_values(values["rows"], lang).to_numpy()})
    return ReportTable("karantina-per-kolom", values, shown, is_list=True)


def quarantine_rows_table(processed: ProcessedRegistry, lang: str = "id") -> ReportTable:
    """Every problem: row number in the file, column and reason; cell values are not shown.

    The values may hold personal data (names, NIK, phone numbers); officers find them in the
    quarantine file written by ``ikm-report validate``.
    """
    quarantine = processed.quarantine
    values = quarantine[["source_row", "column", "reason_code"]].reset_index(drop=True)
    shown = pd.DataFrame({
        text("col_source_row", lang): quarantine["source_row"].astype(str).to_numpy(),
        text("col_column", lang): quarantine["column"].replace("", "—").to_numpy(),
        text("col_reason", lang): quarantine["reason"].to_numpy(),
    })
    return ReportTable("baris-karantina", values, shown, is_list=True)
