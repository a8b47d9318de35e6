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
        rows.append((f"— {reason_label(code, lang)}", count))
    values = pd.DataFrame({"rows": pd.array([count for _, count in rows], dtype="Int64")},
                          index=[label for label, _ in rows])
    shown = pd.DataFrame({text("col_item", lang): values.index,
                          text("col_rows", lang): format_values(values["rows"], lang).to_numpy()})
    return ReportTable("kualitas-data", values, shown, is_list=True)



def reason_label(code: str, lang: str = "id") -> str:
    """A quarantine reason in words for a count of rows: no code, no placeholder.

    Example:
        >>> reason_label("duplicate_row", "id")
        'baris duplikat persis dari baris lain'
        >>> reason_label("unknown_status", "en")
        "unknown status (use 'aktif' or 'tidak aktif')"
    """
    short = catalogue(lang).get(f"reason_{code}_short")
    if short is not None:
        return short
    return describe_reason(code, "", lang)


def quality_intro(processed: ProcessedRegistry, file_name: str, lang: str = "id") -> str:
    """The opening paragraph of the data-quality report: what it is for and what to do.

    Example:
        >>> from ikm_analysis.report.inputs import load_report_registry
        >>> registry = load_report_registry(None)
        >>> quality_intro(registry.processed, registry.path.name, "en")[:60]
        'This report is for the person who keeps the registry. Of the'
    """
    summary = processed.summary()
    return text("quality_intro", lang, file=file_name,
                read=format_values(pd.Series([summary["rows_read"]]), lang).iloc[0],
                quarantined=format_values(pd.Series([summary["rows_quarantined"]]),
                                          lang).iloc[0])


def quarantine_by_column_table(processed: ProcessedRegistry, lang: str = "id") -> ReportTable:
    """Problems per column as written in the file, most frequent first."""
    quarantine = processed.quarantine
    counts = (quarantine.assign(column=quarantine["column"].replace(
                  "", text("col_whole_row", lang)))
              .drop_duplicates(["source_row", "column"])["column"].value_counts())
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    values = pd.DataFrame({"rows": counts.astype("Int64")})
    shown = pd.DataFrame({text("col_column", lang): values.index.astype(str),
                          text("col_rows", lang): format_values(values["rows"], lang).to_numpy()})
    return ReportTable("karantina-per-kolom", values, shown, is_list=True)


def quarantine_rows_table(processed: ProcessedRegistry, lang: str = "id") -> ReportTable:
    """Every problem: sheet, row number as Excel shows it, column and reason; no cell values.

    The values may hold personal data (names, NIK, phone numbers); officers find them in the
    quarantine file written by ``ikm-report validate``.
    """
    quarantine = processed.quarantine
    values = quarantine[["source_row", "column", "reason_code"]].reset_index(drop=True)
    shown = pd.DataFrame({})
    sheets = quarantine["source_sheet"].fillna("").astype(str)
    if (sheets != "").any():  # a workbook: the sheet, then the row as Excel numbers it
        shown[text("col_sheet", lang)] = sheets.to_numpy()
    shown[text("col_source_row", lang)] = quarantine["source_row"].astype(str).to_numpy()
    shown[text("col_column", lang)] = quarantine["column"].replace(
        "", text("col_whole_row", lang)).to_numpy()
    shown[text("col_reason", lang)] = quarantine["reason"].to_numpy()
    return ReportTable("baris-karantina", values, shown, is_list=True)
