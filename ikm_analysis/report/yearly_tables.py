"""The tables of the yearly IKM report: a metric's values with small cells hidden, as text.

Each builder takes what a metric function of :mod:`ikm_analysis.metrics` computed, hides cells
standing for fewer than ``min_cell`` units (and their complements, with
:mod:`ikm_analysis.metrics.disclosure`), and formats the rest in the report language.

Example:
    >>> import pandas as pd
    >>> from ikm_analysis.metrics import active_units_by_category
    >>> units = pd.DataFrame({
    ...     "category_code": ["pangan"] * 5 + ["kayu"] * 4 + ["sandang"],
    ...     "year_registered": pd.array([2020] * 10, dtype="Int64"),
    ...     "year_closed": pd.array([None] * 10, dtype="Int64"), "status": ["aktif"] * 10})
    >>> table = units_table(active_units_by_category(units, 2021), 2021, min_cell=3, lang="en")
    >>> table.text[["Product category", "Active units 2021"]].values.tolist()
    [['Food and beverages', '5'], ['Crafts', '0'], ['Wood-based products and furniture', 'x'], \
['Clothing and batik benang bintik', 'x'], ['Metal, machinery, chemicals, electronics and \
transport equipment', '0'], ['Other', '0'], ['Total', '10']]
"""

from __future__ import annotations

import pandas as pd

from ikm_analysis.i18n.formatting import with_percent_sign
from ikm_analysis.metrics.concentration import concentration_by_kecamatan
from ikm_analysis.metrics.disclosure import suppress_small_cells, suppress_small_counts
from ikm_analysis.metrics.economics import MEASURES
from ikm_analysis.metrics.growth_rates import growth
from ikm_analysis.report.display import HIDDEN, NOT_AVAILABLE, format_value, format_values
from ikm_analysis.report.table import TOTAL, ReportTable
from ikm_analysis.report.text import category_labels, kecamatan_labels, text

#: The columns of the active units that :func:`cross_table`'s, :func:`kelurahan_table`'s and
#: :func:`economics_table`'s metrics read (``active_units(..., columns=ACTIVE_COLUMNS)``).
ACTIVE_COLUMNS = ("category_code", "kecamatan_code", "kelurahan_code", "is_sentra_member",
                  *MEASURES)
RUPIAH_MILLION = 1_000_000


def _labels(by: str, lang: str) -> dict[str, str]:
    if by == "category_code":
        return category_labels(lang)
    if by == "kecamatan_code":
        return kecamatan_labels()
    raise ValueError(f"no labels for {by!r}; use 'category_code' or 'kecamatan_code'")


def _row_labels(keys: pd.Index, labels: dict[str, str], lang: str) -> list[str]:
    return [text("total", lang) if key == TOTAL else labels.get(key, key) for key in keys]


def headline_table(figures: dict[str, object], lang: str = "id",
                   first_report_year: int | None = None) -> ReportTable:
    """The headline figures (from :func:`ikm_analysis.metrics.headline.headline_figures`) as a list.

    Args:
        figures: The headline figures.
        lang: ``"id"`` or ``"en"``.
        first_report_year: The earliest year the report set covers; its change on the year
            before gets the base-year caveat (early years of a registry are undercounted, A23).

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
        signed = format_value(figures["change_percent"], lang, 1, "signed")
        change += f" ({with_percent_sign(signed, lang)})"
    share = with_percent_sign(number("sentra_share_percent", "percent"), lang)
    rows = [
        (text("ind_active_units", lang, year=year), number("active_units")),
        (text("ind_active_previous", lang, year=year - 1), number("active_units_previous")),
        (text("ind_change", lang), change),
        (text("ind_opened", lang, year=year), number("opened")),
        (text("ind_closed", lang, year=year), number("closed")),
        (text("ind_kelurahan", lang),
         f"{number('kelurahan_with_units')} / {number('kelurahan_total')}"),
        (text("ind_sentra", lang),
         f"{number('kelurahan_with_sentra')} / {number('kelurahan_total')} ({share})"),
        (text("ind_sentra_members", lang), number("sentra_members")),
        (text("ind_workers", lang),
         f"{number('workers_total')} ({number('workers_reported')})"),
    ]
    frame = pd.DataFrame(rows, columns=[text("col_indicator", lang), text("col_value", lang)])
    values = pd.DataFrame({"value": [figures[k] for k in (
        "active_units", "active_units_previous", "change", "opened", "closed",
        "kelurahan_with_units", "kelurahan_with_sentra", "sentra_members", "workers_total")]})
    notes = [text("ind_workers_note", lang)]
    if first_report_year is not None and year <= first_report_year:
        notes.append(text("base_year_caveat", lang, year=year, previous=year - 1))
    return ReportTable("angka-utama", values, frame, notes=notes, is_list=True)


def units_table(counts: pd.DataFrame, year: int, min_cell: int = 3, lang: str = "id"
                ) -> ReportTable:
    """Active units per category or kecamatan in ``year`` and the year before, with the change.

    Counts of 1 to ``min_cell - 1`` units are hidden in both years, with complements; a change or
    share is hidden wherever a count it comes from is hidden.

    Args:
        counts: :func:`~ikm_analysis.metrics.active_units_by_category` or
            :func:`~ikm_analysis.metrics.active_units_by_kecamatan` of the report year.
        year: The report year.
        min_cell: Fewest units a shown cell may stand for.
        lang: ``"id"`` or ``"en"``.

    Returns:
        Values with columns ``units_previous``, ``units``, ``share_percent``, ``change``,
        ``change_percent`` and a ``__total__`` row.
    """
    by = counts.columns[0]
    labels = _labels(by, lang)
    counts = counts.set_index(by)
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
    notes = hidden_notes(shown, lang, min_cell)
    shares = values["share_percent"].drop(TOTAL)
    if shares.notna().all() and round(float(shares.round(1).sum()), 1) != 100.0 and total_now:
        notes.append(text("note_rounding_shares", lang))
    return ReportTable(table_id, values, shown, notes)


def hidden_notes(shown: pd.DataFrame, lang: str, min_cell: int) -> list[str]:
    """The suppression note, when the table shows a hidden cell (``x``); none otherwise.

    The first column holds row labels and is not looked at.

    Example:
        >>> shown = pd.DataFrame({"Kategori": ["x", "Kayu"], "Unit": ["1", "x"]})
        >>> hidden_notes(shown, "id", 3)[0][:5]
        'x = d'
        >>> hidden_notes(shown.assign(Unit=["1", "2"]), "id", 3)
        []
    """
    if (shown.iloc[:, 1:] == HIDDEN).to_numpy().any():
        return [text("note_hidden", lang, min_cell=min_cell)]
    return []


def cross_table(counts: pd.DataFrame, min_cell: int = 3, lang: str = "id") -> ReportTable:
    """Active units by product category (rows) and kecamatan (columns), with totals.

    Args:
        counts: :func:`~ikm_analysis.metrics.active_units_by_category_and_kecamatan`.
        min_cell: Fewest units a shown cell may stand for.
        lang: ``"id"`` or ``"en"``.
    """
    categories, kecamatan = category_labels(lang), kecamatan_labels()
    result = suppress_small_cells(counts, min_cell, TOTAL)
    values = result.masked()
    shown = pd.DataFrame({text("col_category", lang): _row_labels(values.index, categories, lang)})
    for key in values.columns:
        header = text("total", lang) if key == TOTAL else kecamatan[key]
        shown[header] = format_values(values[key], lang,
                                      hidden=result.is_suppressed[key]).to_numpy()
    return ReportTable("kategori-menurut-kecamatan", values, shown,
                       hidden_notes(shown, lang, min_cell))


def concentration_table(counts: pd.DataFrame, min_cell: int = 3, lang: str = "id"
                        ) -> ReportTable:
    """Per kecamatan: how concentrated its units are on few categories, and its speciality.

    Both figures are worked out from the category × kecamatan counts, so they could give away a
    hidden cell of that table: the index is hidden (``x``) for a kecamatan with a hidden cell,
    the speciality where its own cell is hidden.

    Args:
        counts: :func:`~ikm_analysis.metrics.active_units_by_category_and_kecamatan`.
        min_cell: Fewest units a shown cell may stand for (as in :func:`cross_table`).
        lang: ``"id"`` or ``"en"``.

    Returns:
        Values indexed by kecamatan code: ``hhi``, ``top_category``, ``top_lq``.
    """
    categories, kecamatan = category_labels(lang), kecamatan_labels()
    hidden = suppress_small_cells(counts, min_cell, TOTAL).is_suppressed.loc[
        list(counts.index), list(counts.columns)]
    figures = concentration_by_kecamatan(counts)
    hide_index = hidden.any(axis=0)
    hide_top = pd.Series([bool(hidden.loc[category, key]) if isinstance(category, str)
                          else False for key, category in figures["top_category"].items()],
                         index=figures.index)
    values = pd.DataFrame({"hhi": figures["hhi"].mask(hide_index),
                           "top_category": figures["top_category"].mask(hide_top),
                           "top_lq": figures["top_lq"].mask(hide_top)})
    top_text = [HIDDEN if is_hidden else categories.get(category, NOT_AVAILABLE)
                if isinstance(category, str) else NOT_AVAILABLE
                for category, is_hidden in zip(figures["top_category"], hide_top, strict=True)]
    shown = pd.DataFrame({
        text("col_kecamatan", lang): [kecamatan[key] for key in values.index],
        text("col_hhi", lang): format_values(values["hhi"], lang, 2, hidden=hide_index),
        text("col_top_category", lang): top_text,
        text("col_top_lq", lang): format_values(values["top_lq"], lang, 2, hidden=hide_top),
    })
    even = format_value(1 / len(categories), lang, 2)
    return ReportTable("konsentrasi-per-kecamatan", values, shown,
                       [text("note_concentration", lang, even=even)], is_list=True)


def kelurahan_table(by_kelurahan: pd.DataFrame, year: int, min_cell: int = 3, lang: str = "id"
                    ) -> ReportTable:
    """Active units and sentra members per kelurahan, with whether it has a sentra (A18).

    Args:
        by_kelurahan: :func:`~ikm_analysis.metrics.sentra_by_kelurahan` of the active units.
        year: The report year (for the header).
        min_cell: Fewest units a shown cell may stand for.
        lang: ``"id"`` or ``"en"``.

    Returns:
        Values indexed by kelurahan code: ``units``, ``sentra_members``, ``has_sentra``.
    """
    table = by_kelurahan.set_index("kelurahan_code")
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
                       hidden_notes(shown, lang, min_cell))


def economics_table(economy: tuple[pd.DataFrame, pd.DataFrame], min_cell: int = 3,
                    lang: str = "id") -> ReportTable:
    """Workers, investment and production value per product category.

    Totals standing for fewer than ``min_cell`` reporting units are hidden with complements;
    medians need ``min_cell`` reporting units (A17). Money is shown in millions of rupiah.

    Args:
        economy: :func:`~ikm_analysis.metrics.economy_by_category` of the active units, with
            ``min_reported=min_cell``.
        min_cell: Fewest units a shown cell may stand for.
        lang: ``"id"`` or ``"en"``.
    """
    categories = category_labels(lang)
    summary, overall = economy
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
    notes = [*hidden_notes(shown, lang, min_cell), text("note_medians", lang, min_cell=min_cell),
             text("note_money_period", lang)]
    return ReportTable("tenaga-kerja-investasi-produksi", values, shown, notes)


def trend_table(counts: pd.DataFrame, min_cell: int = 3, lang: str = "id") -> ReportTable:
    """Active units per category or kecamatan, year by year, with small cells hidden (charts).

    Each year is hidden as :func:`units_table` hides it (the same one-way suppression of that
    year's counts, complements included), so the report year and the year before hide exactly
    the cells that table hides and a chart of this table reveals nothing the table does not.

    Args:
        counts: :func:`~ikm_analysis.metrics.active_units_by_year_and` by ``category_code`` or
            ``kecamatan_code``.
        min_cell: Fewest units a shown cell may stand for.
        lang: ``"id"`` or ``"en"``.

    Returns:
        Values indexed by key (and ``__total__``), one column per year, hidden cells ``pd.NA``.

    Example:
        >>> keys = pd.Index(["pangan", "kayu", "sandang"], name="category_code")
        >>> counts = pd.DataFrame({2023: [5, 2, 6], 2024: [6, 4, 7]}, index=keys)
        >>> trend_table(counts, 3, "en").by_key(2023).tolist()
        [<NA>, <NA>, 6]
    """
    by = counts.index.name
    labels = _labels(by, lang)
    values, shown = {}, {}
    for year in counts.columns:
        result = suppress_small_counts(counts[year].rename("units"), min_cell, TOTAL)
        values[year] = result.masked()["units"].astype("Int64")
        shown[str(year)] = format_values(values[year], lang,
                                         hidden=result.is_suppressed["units"]).to_numpy()
    frame = pd.DataFrame(values)
    column = "col_category" if by == "category_code" else "col_kecamatan"
    text_frame = pd.DataFrame({text(column, lang): _row_labels(frame.index, labels, lang),
                               **shown})
    table_id = ("unit-per-tahun-menurut-kategori" if by == "category_code"
                else "unit-per-tahun-menurut-kecamatan")
    return ReportTable(table_id, frame, text_frame, [text("note_hidden", lang, min_cell=min_cell)])
