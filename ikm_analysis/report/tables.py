"""The tables of the yearly IKM report: values from the metric functions, small cells hidden, text.

Each builder returns a :class:`ReportTable`: the values (``pd.NA`` where hidden, for charts and
maps), the text shown, and the notes printed under it. The notebook only calls these and shows
``table.html()``.

Example:
    >>> import pandas as pd
    >>> units = pd.DataFrame({
    ...     "category_code": ["pangan"] * 5 + ["kayu"] * 4 + ["sandang"],
    ...     "year_registered": pd.array([2020] * 10, dtype="Int64"),
    ...     "year_closed": pd.array([None] * 10, dtype="Int64"), "status": ["aktif"] * 10})
    >>> table = units_table(units, "category_code", 2021, min_cell=3, lang="en")
    >>> table.text[["Product category", "Active units 2021"]].values.tolist()
    [['Food and beverages', '5'], ['Crafts', '0'], ['Wood-based products and furniture', 'x'], \
['Clothing and batik benang bintik', 'x'], ['Metal, machinery, chemicals, electronics and \
transport equipment', '0'], ['Other', '0'], ['Total', '10']]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ikm_analysis.clean.issues import describe_reason
from ikm_analysis.clean.registry import ProcessedRegistry
from ikm_analysis.i18n import catalogue
from ikm_analysis.metrics.breakdowns import count_units_with_change, cross_count
from ikm_analysis.metrics.disclosure import suppress_small_cells, suppress_small_counts
from ikm_analysis.metrics.economics import MEASURES, economic_summaries
from ikm_analysis.metrics.growth_rates import growth
from ikm_analysis.metrics.sentra import sentra_by_kelurahan
from ikm_analysis.report.display import format_value, format_values, html_table, note_html
from ikm_analysis.report.inputs import ReportRegistry
from ikm_analysis.report.text import category_labels, kecamatan_labels, text

TOTAL = "__total__"
#: The columns :func:`cross_table`, :func:`kelurahan_table` and :func:`economics_table` read
#: from the active units (``active_units(..., columns=ACTIVE_COLUMNS)``).
ACTIVE_COLUMNS = ("category_code", "kecamatan_code", "kelurahan_code", "is_sentra_member",
                  *MEASURES)
RUPIAH_MILLION = 1_000_000


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

    def by_key(self, column: str) -> pd.Series:
        """One value column without the total row, indexed by key (maps)."""
        return self.values.loc[self.values.index != TOTAL, column]

    def html(self) -> str:
        """The table and its notes as HTML."""
        parts = [html_table(self.text, self.table_id, self.is_list)]
        parts += [note_html(note) for note in self.notes]
        return "\n".join(parts)


def _labels(by: str, lang: str) -> dict[str, str]:
    if by == "category_code":
        return category_labels(lang)
    if by == "kecamatan_code":
        return kecamatan_labels()
    raise ValueError(f"no labels for {by!r}; use 'category_code' or 'kecamatan_code'")


def _row_labels(keys: pd.Index, labels: dict[str, str], lang: str) -> list[str]:
    return [text("total", lang) if key == TOTAL else labels.get(key, key) for key in keys]


def headline_table(figures: dict[str, object], lang: str = "id") -> ReportTable:
    """The headline figures (from :func:`ikm_analysis.metrics.headline.headline_figures`) as a list.

    Example:
        >>> figures = {"year": 2024, "active_units": 3823, "active_units_previous": 3752,
        ...     "change": 71, "change_percent": 1.89, "change_unavailable_reason": None,
        ...     "opened": 121, "closed": 50, "kelurahan_with_units": 30, "kelurahan_total": 30,
        ...     "kelurahan_with_sentra": 23, "sentra_share_percent": 76.67,
        ...     "sentra_members": 930, "workers_total": 15852, "workers_reported": 3689}
        >>> headline_table(figures).text.iloc[:3, 1].tolist()
        ['3.823', '3.752', '+71 (+1,9 %)']
    """
    year = figures["year"]

    def number(key: str, kind: str = "number") -> str:
        return format_value(figures[key], lang, kind=kind)

    change = number("change", "signed")
    if figures["change_percent"] is not None:
        change += f" ({format_value(figures['change_percent'], lang, 1, 'signed')} %)"
    share = number("sentra_share_percent", "percent")
    rows = [
        (text("ind_active_units", lang, year=year), number("active_units")),
        (text("ind_active_previous", lang, year=year - 1), number("active_units_previous")),
        (text("ind_change", lang), change),
        (text("ind_opened", lang, year=year), number("opened")),
        (text("ind_closed", lang, year=year), number("closed")),
        (text("ind_kelurahan", lang),
         f"{number('kelurahan_with_units')} / {number('kelurahan_total')}"),
        (text("ind_sentra", lang),
         f"{number('kelurahan_with_sentra')} / {number('kelurahan_total')} ({share} %)"),
        (text("ind_sentra_members", lang), number("sentra_members")),
        (text("ind_workers", lang),
         f"{number('workers_total')} ({number('workers_reported')})"),
    ]
    frame = pd.DataFrame(rows, columns=[text("col_indicator", lang), text("col_value", lang)])
    values = pd.DataFrame({"value": [figures[k] for k in (
        "active_units", "active_units_previous", "change", "opened", "closed",
        "kelurahan_with_units", "kelurahan_with_sentra", "sentra_members", "workers_total")]})
    return ReportTable("angka-utama", values, frame, is_list=True)


def units_table(units: pd.DataFrame, by: str, year: int, status_year: int | None = None,
                min_cell: int = 3, lang: str = "id") -> ReportTable:
    """Active units per category or kecamatan in ``year`` and the year before, with the change.

    Counts of 1 to ``min_cell - 1`` units are hidden in both years, with complements; a change or
    share is hidden wherever a count it comes from is hidden.

    Args:
        units: The clean registry table (all years).
        by: ``"category_code"`` or ``"kecamatan_code"``.
        year: The report year.
        status_year: Year the ``status`` column describes.
        min_cell: Fewest units a shown cell may stand for.
        lang: ``"id"`` or ``"en"``.

    Returns:
        Values with columns ``units_previous``, ``units``, ``share_percent``, ``change``,
        ``change_percent`` and a ``__total__`` row.
    """
    labels = _labels(by, lang)
    counts = count_units_with_change(units, by, year, list(labels), status_year).set_index(by)
    now = suppress_small_counts(counts["units"], min_cell, TOTAL)
    before = suppress_small_counts(counts["units_previous"], min_cell, TOTAL)
    hidden_now = now.is_suppressed["units"]
    hidden_change = hidden_now | before.is_suppressed["units_previous"]
    total_now, total_before = int(now.table.loc[TOTAL, "units"]), int(
        before.table.loc[TOTAL, "units_previous"])
    total_growth = growth(total_before, total_now)
    values = pd.DataFrame({
        "units_previous": before.masked()["units_previous"],
        "units": now.masked()["units"],
        "share_percent": pd.concat([counts["share_percent"], pd.Series(
            [100.0 if total_now else None], index=[TOTAL])]).astype("Float64"),
        "change": pd.concat([counts["change"], pd.Series([total_now - total_before],
                                                         index=[TOTAL])]).astype("Int64"),
        "change_percent": pd.concat([counts["change_percent"], pd.Series(
            [total_growth.percent], index=[TOTAL])]).astype("Float64"),
    })
    values["share_percent"] = values["share_percent"].mask(hidden_now)
    for column in ("change", "change_percent"):
        values[column] = values[column].mask(hidden_change)
    column = "col_category" if by == "category_code" else "col_kecamatan"
    shown = pd.DataFrame({
        text(column, lang): _row_labels(values.index, labels, lang),
        text("col_units_previous", lang, year=year - 1): format_values(
            values["units_previous"], lang, hidden=before.is_suppressed["units_previous"]),
        text("col_units", lang, year=year): format_values(values["units"], lang,
                                                          hidden=hidden_now),
        text("col_share", lang): format_values(values["share_percent"], lang, kind="percent",
                                               hidden=hidden_now),
        text("col_change", lang): format_values(values["change"], lang, kind="signed",
                                                hidden=hidden_change),
        text("col_change_percent", lang): format_values(
            values["change_percent"], lang, decimals=1, kind="signed", hidden=hidden_change),
    })
    table_id = "unit-menurut-kategori" if by == "category_code" else "unit-menurut-kecamatan"
    return ReportTable(table_id, values, shown, [text("note_hidden", lang, min_cell=min_cell)])


def cross_table(active: pd.DataFrame, min_cell: int = 3, lang: str = "id") -> ReportTable:
    """Active units by product category (rows) and kecamatan (columns), with totals.

    Args:
        active: The active units of the report year.
        min_cell: Fewest units a shown cell may stand for.
        lang: ``"id"`` or ``"en"``.
    """
    categories, kecamatan = category_labels(lang), kecamatan_labels()
    counts = cross_count(active, "category_code", "kecamatan_code", list(categories),
                         list(kecamatan))
    result = suppress_small_cells(counts, min_cell, TOTAL)
    values = result.masked()
    shown = pd.DataFrame({text("col_category", lang): _row_labels(values.index, categories, lang)})
    for key in values.columns:
        header = text("total", lang) if key == TOTAL else kecamatan[key]
        shown[header] = format_values(values[key], lang,
                                      hidden=result.is_suppressed[key]).to_numpy()
    return ReportTable("kategori-menurut-kecamatan", values, shown,
                       [text("note_hidden", lang, min_cell=min_cell)])


def kelurahan_table(active: pd.DataFrame, year: int, min_cell: int = 3, lang: str = "id"
                    ) -> ReportTable:
    """Active units and sentra members per kelurahan, with whether it has a sentra (A18).

    Args:
        active: The active units of the report year.
        year: The report year (for the header).
        min_cell: Fewest units a shown cell may stand for.
        lang: ``"id"`` or ``"en"``.

    Returns:
        Values indexed by kelurahan code: ``units``, ``sentra_members``, ``has_sentra``.
    """
    table = sentra_by_kelurahan(active).set_index("kelurahan_code")
    units = suppress_small_counts(table["units"], min_cell, TOTAL)
    members = suppress_small_counts(table["sentra_members"], min_cell, TOTAL)
    with_sentra = int(table["has_sentra"].sum())
    values = pd.DataFrame({
        "units": units.masked()["units"],
        "sentra_members": members.masked()["sentra_members"],
        "has_sentra": pd.concat([table["has_sentra"].astype("Int64"),
                                 pd.Series([with_sentra], index=[TOTAL])]).astype("Int64"),
    })
    names = dict(zip(table.index, table["kelurahan"], strict=True))
    kecamatan = dict(zip(table.index, table["kecamatan"], strict=True))
    sentra_text = [text("yes", lang) if flag else text("no", lang)
                   for flag in table["has_sentra"].tolist()]
    shown = pd.DataFrame({
        text("col_kelurahan", lang): _row_labels(values.index, names, lang),
        text("col_kecamatan", lang): [kecamatan.get(key, "") for key in values.index],
        text("col_units", lang, year=year): format_values(
            values["units"], lang, hidden=units.is_suppressed["units"]),
        text("col_has_sentra", lang): [*sentra_text, f"{with_sentra} / {len(table)}"],
        text("col_sentra_members", lang): format_values(
            values["sentra_members"], lang, hidden=members.is_suppressed["sentra_members"]),
    })
    return ReportTable("sentra-per-kelurahan", values, shown,
                       [text("note_hidden", lang, min_cell=min_cell)])


def economics_table(active: pd.DataFrame, min_cell: int = 3, lang: str = "id") -> ReportTable:
    """Workers, investment and production value per product category.

    Totals standing for fewer than ``min_cell`` reporting units are hidden with complements;
    medians need ``min_cell`` reporting units (A17). Money is shown in millions of rupiah.

    Args:
        active: The active units of the report year.
        min_cell: Fewest units a shown cell may stand for.
        lang: ``"id"`` or ``"en"``.
    """
    categories = category_labels(lang)
    summary, overall = economic_summaries(active, "category_code", list(categories),
                                          min_reported=min_cell)
    summary = summary.set_index("category_code")
    values = pd.DataFrame(index=[*summary.index, TOTAL])
    hidden: dict[str, pd.Series] = {}
    for measure, scale in (("workers", 1), ("investment_rp", RUPIAH_MILLION),
                           ("production_value_rp", RUPIAH_MILLION)):
        result = suppress_small_counts(
            summary[f"{measure}_total"].astype("Float64") / scale, min_cell, TOTAL,
            contributors=summary[f"{measure}_reported"])
        values[f"{measure}_total"] = result.masked()[f"{measure}_total"]
        hidden[measure] = result.is_suppressed[f"{measure}_total"]
    overall = overall.iloc[0]
    values["workers_reported"] = pd.concat([summary["workers_reported"], pd.Series(
        [overall["workers_reported"]], index=[TOTAL])]).astype("Int64")
    values["workers_median"] = pd.concat([summary["workers_median"], pd.Series(
        [overall["workers_median"]], index=[TOTAL])]).astype("Float64")
    shown = pd.DataFrame({
        text("col_category", lang): _row_labels(values.index, categories, lang),
        text("col_workers_total", lang): format_values(values["workers_total"], lang,
                                                       hidden=hidden["workers"]),
        text("col_workers_reported", lang): format_values(values["workers_reported"], lang),
        text("col_workers_median", lang): format_values(values["workers_median"], lang,
                                                        decimals=1),
        text("col_investment_total", lang): format_values(
            values["investment_rp_total"], lang, hidden=hidden["investment_rp"]),
        text("col_production_total", lang): format_values(
            values["production_value_rp_total"], lang, hidden=hidden["production_value_rp"]),
    })
    notes = [text("note_hidden", lang, min_cell=min_cell),
             text("note_medians", lang, min_cell=min_cell)]
    return ReportTable("tenaga-kerja-investasi-produksi", values, shown, notes)


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


def yearly_key_figures(registry: ReportRegistry, headline: dict[str, object], lang: str = "id",
                       min_cell: int = 3) -> dict[str, object]:
    """The key figures of a yearly report: the headline figures, row counts and labels.

    Args:
        registry: The registry the report reads.
        headline: :func:`ikm_analysis.metrics.headline.headline_figures` of the report year.
        lang: ``"id"`` or ``"en"``.
        min_cell: Fewest units a shown cell stands for.

    Example:
        >>> from ikm_analysis.metrics.headline import headline_figures
        >>> from ikm_analysis.report.inputs import load_report_registry
        >>> registry = load_report_registry(None)
        >>> figures = yearly_key_figures(registry, headline_figures(registry.clean, 2024))
        >>> figures["active_units"], figures["synthetic"], figures["rows"]["rows_clean"]
        (3823, True, 4133)
    """
    return {
        "title": text("yearly_title", lang, year=headline["year"]),
        "report": "laporan_tahunan",
        "lang": lang,
        "min_cell": min_cell,
        "registry_file": registry.path.name,
        "synthetic": registry.is_synthetic,
        "status_year": registry.status_year,
        "rows": registry.row_counts(),
        **headline,
    }


def quality_key_figures(registry: ReportRegistry, lang: str = "id") -> dict[str, object]:
    """Key figures of the data-quality report: row counts and quarantined rows per reason.

    Example:
        >>> from ikm_analysis.report.inputs import load_report_registry
        >>> figures = quality_key_figures(load_report_registry(None))
        >>> figures["rows"]["rows_read"], figures["rows"]["rows_quarantined"]
        (4184, 51)
    """
    summary = registry.processed.summary()
    return {
        "title": text("quality_title", lang, file=registry.path.name),
        "report": "kualitas_data_registri",
        "lang": lang,
        "registry_file": registry.path.name,
        "synthetic": registry.is_synthetic,
        "rows": registry.row_counts(),
        "quarantined_rows_by_reason": summary["quarantined_rows_by_reason"],
    }
