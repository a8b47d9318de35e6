"""Published figures as report tables and sentences: the city's context and the province series.

Example:
    >>> print(umkm_growth_paragraph("en").split(":")[0])
    Sources disagree on the number of UMKM in Kalimantan Tengah in 2021
    >>> umkm_conflicts_table("id").text.shape[0] >= 4
    True
"""

from __future__ import annotations

import pandas as pd

from ikm_analysis.i18n import text
from ikm_analysis.metrics.growth_rates import growth
from ikm_analysis.metrics.published import (
    KALTENG,
    PALANGKA_RAYA,
    UMKM,
    primary_series,
    published_conflicts,
    published_figure,
    published_growth,
)
from ikm_analysis.report.display import format_value, format_values
from ikm_analysis.report.sources import addresses_note, describe_source
from ikm_analysis.report.table import ReportTable

#: (indicator, year) of the city figures every report cites; labelled ``city_<indicator>``.
CITY_FIGURES = (
    ("jumlah_unit_usaha_industri", 2022),
    ("jumlah_ikm", 2024),
    ("jumlah_sentra_ikm_terpadu_kelurahan", 2022),
    ("jumlah_kelurahan", 2025),
)



def qualifier_text(qualifier: str, lang: str = "id") -> str:
    """A published figure's qualifier in words.

    Example:
        >>> qualifier_text("lower_bound", "id")
        'lebih dari'
    """
    return text(f"qualifier_{qualifier}", lang)


def city_published_table(lang: str = "id") -> ReportTable:
    """The published figures on Palangka Raya's industry that the report sets its counts beside."""
    rows = []
    for indicator, year in CITY_FIGURES:
        figure = published_figure(indicator, PALANGKA_RAYA, year)
        rows.append({"indicator": text(f"city_{indicator}", lang), "year": year,
                     "value": figure.value, "qualifier": qualifier_text(figure.qualifier, lang),
                     "source": figure.source})
    values = pd.DataFrame(rows)
    shown = pd.DataFrame({
        text("col_indicator", lang): values["indicator"],
        text("col_year", lang): values["year"].astype(str),
        text("col_value", lang): format_values(values["value"], lang),
        text("col_qualifier", lang): values["qualifier"],
        text("col_source", lang): [describe_source(source, lang) for source in values["source"]],
    })
    return ReportTable("angka-terbitan-kota", values, shown, is_list=True,
                       notes=_source_notes(values["source"], lang))


def _source_notes(sources: pd.Series, lang: str) -> list[str]:
    note = addresses_note(sources, lang)
    return [text("published_sources_note", lang)] + ([note] if note else [])


def reconciliation_table(comparison: pd.DataFrame, lang: str = "id",
                         synthetic: bool = False) -> ReportTable:
    """The registry beside what the city published: both values, the difference and why.

    Args:
        comparison: From :func:`ikm_analysis.metrics.registry_beside_published`.
        lang: ``"id"`` or ``"en"``.
        synthetic: Whether the registry is the synthetic sample (a note then says the
            differences say nothing about the city).

    Example:
        >>> comparison = pd.DataFrame({"indicator": ["jumlah_ikm"], "year": [2024],
        ...     "published": [3800], "qualifier": ["lower_bound"], "registry": [3823],
        ...     "difference": [23]})
        >>> reconciliation_table(comparison, "id").text.iloc[0, 1:5].tolist()
        ['2024', 'lebih dari 3.800', '3.823', '+23']
    """
    values = comparison.set_index("indicator")
    published = [f"{qualifier_text(qualifier, lang)} {format_value(value, lang)}"
                 if qualifier in ("lower_bound", "approximate") else format_value(value, lang)
                 for value, qualifier in zip(values["published"], values["qualifier"],
                                             strict=True)]
    shown = pd.DataFrame({
        text("col_indicator", lang): [text(f"city_{name}", lang) for name in values.index],
        text("col_year", lang): values["year"].astype(str).to_numpy(),
        text("col_published", lang): published,
        text("col_registry", lang): format_values(values["registry"], lang).to_numpy(),
        text("col_difference", lang): format_values(values["difference"], lang,
                                                    kind="signed").to_numpy(),
        text("col_why_differ", lang): [text(f"reconcile_{name}", lang) for name in values.index],
    })
    notes = [text("reconcile_note", lang)]
    if synthetic:
        notes.append(text("reconcile_synthetic", lang))
    return ReportTable("registri-dan-angka-terbitan", values, shown, notes=notes, is_list=True)


def umkm_series_table(lang: str = "id") -> ReportTable:
    """The primary Kalimantan Tengah UMKM series with the change on each previous year."""
    series = primary_series(UMKM, KALTENG)
    years = [int(year) for year in series.index]
    rows = []
    for position, year in enumerate(years):
        change = growth(series.iloc[position - 1], series.iloc[position]) if position else None
        rows.append({"year": year, "value": series.iloc[position],
                     "change": None if change is None else change.absolute,
                     "change_percent": None if change is None else change.percent,
                     "source": published_figure(UMKM, KALTENG, year).source})
    values = pd.DataFrame(rows)
    shown = pd.DataFrame({
        text("col_year", lang): values["year"].astype(str),
        text("chart_umkm", lang): format_values(values["value"], lang),
        text("col_change", lang): format_values(values["change"], lang, kind="signed"),
        text("col_change_percent", lang): format_values(values["change_percent"], lang, 1,
                                                        kind="signed"),
        text("col_source", lang): [describe_source(source, lang) for source in values["source"]],
    })
    return ReportTable("seri-umkm-kalteng", values, shown, is_list=True,
                       notes=_source_notes(values["source"], lang))


def umkm_conflicts_table(lang: str = "id") -> ReportTable:
    """Other published versions of the province's UMKM counts, beside the primary value."""
    conflicts = published_conflicts(UMKM, KALTENG).reset_index(drop=True)
    shown = pd.DataFrame({
        text("col_year", lang): conflicts["year"].astype(str),
        text("col_value", lang): format_values(conflicts["value"], lang),
        text("col_qualifier", lang): [qualifier_text(q, lang) for q in conflicts["qualifier"]],
        text("section_series", lang): format_values(conflicts["primary_value"], lang),
        text("col_source", lang): [describe_source(source, lang)
                                   for source in conflicts["source"]],
        text("col_note", lang): [version_note(int(year), int(value), lang) for year, value
                                 in zip(conflicts["year"], conflicts["value"], strict=True)],
    })
    return ReportTable("versi-lain-umkm-kalteng", conflicts, shown, is_list=True,
                       notes=_source_notes(conflicts["source"], lang))


def version_note(year: int, value: int, lang: str = "id") -> str:
    """Why one published version of the province's UMKM count differs, in the report's language.

    The bundled table's own notes are the collector's, in English; the report prints these.

    Example:
        >>> version_note(2020, 64067, "en")
        'Almost the same as 64,087 (20 apart); probably a typing error in one of the sources.'
    """
    return text(f"umkm_version_{year}_{value}", lang)


def umkm_growth_paragraph(lang: str = "id") -> str:
    """The province's UMKM growth 2020 to 2021 in one paragraph, saying sources disagree."""
    change = published_growth(UMKM, KALTENG, 2020, 2021)
    conflicts = published_conflicts(UMKM, KALTENG)
    # The range of 2021 versions; a printed total that contradicts its own parts is left out.
    readable = conflicts[(conflicts["year"] == 2021)
                         & (conflicts["qualifier"] != "as_printed_inconsistent")]["value"]
    versions_2021 = [*readable, change.current]
    values = {"low": format_value(min(versions_2021), lang),
              "high": format_value(max(versions_2021), lang),
              "base": format_value(change.base, lang),
              "current": format_value(change.current, lang),
              "absolute": format_value(change.absolute, lang),
              "percent": format_value(change.percent, lang, 1, "percent"),
              "versions": len(published_conflicts(UMKM, KALTENG))}
    return text("umkm_growth_paragraph", lang, **values)


def province_map_note(lang: str = "id") -> str:
    """Why the province map shows location only.

    Example:
        >>> province_map_note("en")[:40]
        'The bundled published sources give no UM'
    """
    return text("province_map_note", lang)
