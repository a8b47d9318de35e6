"""Published figures as report tables and sentences: the city's context and the province series.

Example:
    >>> print(umkm_growth_paragraph("en").split(":")[0])
    UMKM in Kalimantan Tengah rose from 64,087 units (2020) to 92,799 units (2021)
    >>> umkm_conflicts_table("id").text.shape[0] >= 4
    True
"""

from __future__ import annotations

import pandas as pd

from ikm_analysis.metrics.growth_rates import growth
from ikm_analysis.metrics.published import (
    KALTENG,
    PALANGKA_RAYA,
    primary_series,
    published_conflicts,
    published_figure,
    published_growth,
)
from ikm_analysis.report.display import format_value, format_values
from ikm_analysis.report.tables import ReportTable
from ikm_analysis.report.text import check_lang, text

QUALIFIERS: dict[str, tuple[str, str]] = {
    "exact": ("tepat", "exact"),
    "lower_bound": ("lebih dari", "more than"),
    "approximate": ("sekitar", "about"),
    "sum_of_components": ("jumlah komponen", "sum of components"),
    "as_printed_inconsistent": ("sesuai cetakan; tidak cocok dengan komponennya",
                                "as printed; contradicts its components"),
}

#: (indicator, year, Indonesian label, English label) of the city figures every report cites.
CITY_FIGURES = (
    ("jumlah_unit_usaha_industri", 2022, "Unit usaha kategori industri",
     "Business units in the industry category"),
    ("jumlah_ikm", 2024, "Unit IKM aktif tercatat", "Active IKM units recorded"),
    ("jumlah_sentra_ikm_terpadu_kelurahan", 2022, "Kelurahan dengan sentra IKM terpadu",
     "Kelurahan with an integrated IKM centre"),
    ("jumlah_kelurahan", 2025, "Jumlah kelurahan", "Number of kelurahan"),
)

UMKM = "jumlah_umkm"


def qualifier_text(qualifier: str, lang: str = "id") -> str:
    """A published figure's qualifier in words.

    Example:
        >>> qualifier_text("lower_bound", "id")
        'lebih dari'
    """
    check_lang(lang)
    indonesian, english = QUALIFIERS[qualifier]
    return indonesian if lang == "id" else english


def city_published_table(lang: str = "id") -> ReportTable:
    """The published figures on Palangka Raya's industry that the report sets its counts beside."""
    rows = []
    for indicator, year, label_id, label_en in CITY_FIGURES:
        figure = published_figure(indicator, PALANGKA_RAYA, year)
        rows.append({"indicator": label_id if lang == "id" else label_en, "year": year,
                     "value": figure.value, "qualifier": qualifier_text(figure.qualifier, lang),
                     "source": figure.source})
    values = pd.DataFrame(rows)
    shown = pd.DataFrame({
        text("col_indicator", lang): values["indicator"],
        text("col_year", lang): values["year"].astype(str),
        text("col_value", lang): format_values(values["value"], lang),
        text("col_qualifier", lang): values["qualifier"],
        text("col_source", lang): values["source"],
    })
    return ReportTable("angka-terbitan-kota", values, shown, is_list=True)


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
        text("col_source", lang): values["source"],
    })
    return ReportTable("seri-umkm-kalteng", values, shown, is_list=True)


def umkm_conflicts_table(lang: str = "id") -> ReportTable:
    """Other published versions of the province's UMKM counts, beside the primary value."""
    conflicts = published_conflicts(UMKM, KALTENG).reset_index(drop=True)
    shown = pd.DataFrame({
        text("col_year", lang): conflicts["year"].astype(str),
        text("col_value", lang): format_values(conflicts["value"], lang),
        text("col_qualifier", lang): [qualifier_text(q, lang) for q in conflicts["qualifier"]],
        text("section_series", lang): format_values(conflicts["primary_value"], lang),
        text("col_source", lang): conflicts["source"],
        text("col_note", lang): conflicts["note"].fillna(""),
    })
    return ReportTable("versi-lain-umkm-kalteng", conflicts, shown, is_list=True)


def umkm_growth_paragraph(lang: str = "id") -> str:
    """The province's UMKM growth 2020 to 2021 in one paragraph, saying sources disagree."""
    change = published_growth(UMKM, KALTENG, 2020, 2021)
    values = {"base": format_value(change.base, lang),
              "current": format_value(change.current, lang),
              "absolute": format_value(change.absolute, lang),
              "percent": format_value(change.percent, lang, 1, "percent"),
              "versions": len(published_conflicts(UMKM, KALTENG))}
    if lang == "id":
        return ("Jumlah UMKM di Kalimantan Tengah naik dari {base} unit (2020) menjadi {current} "
                "unit (2021): bertambah {absolute} unit atau {percent} %. Angka ini adalah seri "
                "utama yang diterbitkan provinsi. Sumber lain mencatat {versions} versi berbeda "
                "untuk tahun yang sama; semuanya ditampilkan di bawah beserta sumbernya."
                ).format(**values)
    return ("UMKM in Kalimantan Tengah rose from {base} units (2020) to {current} units (2021): "
            "{absolute} more, or {percent} %. This is the primary series the province "
            "publishes. Other sources give {versions} different versions for the same years; all "
            "are listed below with their sources.").format(**values)


def province_map_note(lang: str = "id") -> str:
    """Why the province map shows location only.

    Example:
        >>> province_map_note("en")[:40]
        'The bundled published sources give no UM'
    """
    if lang == "id":
        return ("Sumber terbitan yang dibundel tidak memuat jumlah UMKM per kabupaten/kota, jadi "
                "peta ini hanya menunjukkan letak Kota Palangka Raya. Fungsi "
                "`ikm_analysis.maps.choropleth` menggambar peta yang sama menurut angka "
                "kabupaten/kota bila tersedia.")
    return ("The bundled published sources give no UMKM count per kabupaten/kota, so this map "
            "shows only where Kota Palangka Raya lies. `ikm_analysis.maps.choropleth` draws the "
            "same map shaded by kabupaten/kota figures when they are available.")


def umkm_key_figures(lang: str = "id") -> dict[str, object]:
    """Key figures of the province growth report.

    Example:
        >>> figures = umkm_key_figures()
        >>> figures["umkm_2020"], figures["umkm_2021"], figures["change"], figures["change_percent"]
        (64087, 92799, 28712, 44.801598)
    """
    change = published_growth(UMKM, KALTENG, 2020, 2021)
    return {
        "title": text("growth_title", lang),
        "report": "pertumbuhan_umkm_kalteng",
        "lang": lang,
        "umkm_2020": int(change.base),
        "umkm_2021": int(change.current),
        "change": int(change.absolute),
        "change_percent": round(change.percent, 6),
        "other_versions": len(published_conflicts(UMKM, KALTENG)),
    }
