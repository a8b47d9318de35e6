"""Every sentence, heading and label a report prints, in Indonesian (default) and English.

Notebooks switch language with their ``lang`` parameter, so their visible text comes from here
rather than from Markdown cells. Numbers are filled in already formatted (``92.799``, ``44,8 %``).

Example:
    >>> text("section_categories", "id")
    'Unit IKM menurut kategori produk'
    >>> text("section_categories", "en")
    'IKM units by product category'
    >>> category_labels("en")["sandang"]
    'Clothing and batik benang bintik'
"""

from __future__ import annotations

import html
from functools import cache

from ikm_analysis.metrics.growth_rates import UNAVAILABLE_REASONS
from ikm_analysis.reference import load_kecamatan, load_product_categories
from ikm_analysis.report.display import format_value

LANGS = ("id", "en")

#: key -> (Indonesian, English). ``{name}`` fields are filled in by :func:`text`.
TEXTS: dict[str, tuple[str, str]] = {
    # titles and banners
    "yearly_title": ("Laporan IKM Kota Palangka Raya {year}",
                     "IKM report, Kota Palangka Raya, {year}"),
    "yearly_subtitle": (
        "Industri Kecil dan Menengah menurut registri {file}; keadaan akhir tahun {year}.",
        "Small and medium industry from the registry {file}; position at the end of {year}."),
    "growth_title": ("Pertumbuhan UMKM Kalimantan Tengah", "UMKM growth in Kalimantan Tengah"),
    "quality_title": ("Kualitas data registri IKM: {file}", "IKM registry data quality: {file}"),
    "synthetic_banner": (
        "DATA SINTETIS — laporan ini dibuat dari registri sintetis (buatan) yang dikalibrasi ke "
        "angka terbitan. Tidak ada angka unit di sini yang menggambarkan Kota Palangka Raya.",
        "DATA SINTETIS (synthetic data) — this report is built from a synthetic registry "
        "calibrated to published totals. No unit-level figure here describes Kota Palangka Raya."),
    # sections
    "section_headline": ("Angka utama", "Headline figures"),
    "section_categories": ("Unit IKM menurut kategori produk", "IKM units by product category"),
    "section_kecamatan": ("Unit IKM menurut kecamatan", "IKM units by kecamatan"),
    "section_cross": ("Kategori produk menurut kecamatan", "Product category by kecamatan"),
    "section_sentra": ("Sentra IKM per kelurahan", "IKM centres (sentra) by kelurahan"),
    "section_economics": ("Tenaga kerja, investasi dan produksi",
                          "Workforce, investment and production"),
    "section_quality": ("Kualitas data", "Data quality"),
    "section_sources": ("Sumber dan catatan", "Sources and caveats"),
    "section_provenance": ("Asal-usul laporan", "Provenance"),
    "section_series": ("Seri utama", "Primary series"),
    "section_conflicts": ("Versi lain dari sumber berbeda", "Other versions from other sources"),
    "section_province_map": ("Kabupaten/kota di Kalimantan Tengah",
                             "Kabupaten and kota of Kalimantan Tengah"),
    "section_quarantine_rows": ("Baris yang dikarantina", "Quarantined rows"),
    # table columns
    "col_indicator": ("Indikator", "Indicator"),
    "col_value": ("Nilai", "Value"),
    "col_category": ("Kategori produk", "Product category"),
    "col_kecamatan": ("Kecamatan", "Kecamatan"),
    "col_kelurahan": ("Kelurahan", "Kelurahan"),
    "col_units": ("Unit aktif {year}", "Active units {year}"),
    "col_units_previous": ("Unit aktif {year}", "Active units {year}"),
    "col_change": ("Perubahan", "Change"),
    "col_change_percent": ("Perubahan (%)", "Change (%)"),
    "col_share": ("Pangsa (%)", "Share (%)"),
    "col_has_sentra": ("Ada sentra", "Has a sentra"),
    "col_sentra_members": ("Anggota sentra", "Sentra members"),
    "col_workers_total": ("Tenaga kerja", "Workers"),
    "col_workers_reported": ("Unit melapor tenaga kerja", "Units reporting workers"),
    "col_workers_median": ("Median tenaga kerja per unit", "Median workers per unit"),
    "col_investment_total": ("Investasi (Rp juta)", "Investment (Rp million)"),
    "col_production_total": ("Nilai produksi (Rp juta)", "Production value (Rp million)"),
    "col_reason": ("Alasan", "Reason"),
    "col_rows": ("Baris", "Rows"),
    "col_year": ("Tahun", "Year"),
    "col_source": ("Sumber", "Source"),
    "col_qualifier": ("Keterangan", "Qualifier"),
    "col_note": ("Catatan", "Note"),
    "col_source_row": ("Baris di berkas", "Row in file"),
    "col_column": ("Kolom", "Column"),
    "col_item": ("Butir", "Item"),
    "total": ("Jumlah", "Total"),
    "yes": ("ya", "yes"),
    "no": ("belum", "not yet"),
    # headline indicators
    "ind_active_units": ("Unit IKM aktif akhir {year}", "Active IKM units, end of {year}"),
    "ind_active_previous": ("Unit IKM aktif akhir {year}", "Active IKM units, end of {year}"),
    "ind_change": ("Perubahan terhadap tahun sebelumnya", "Change on the previous year"),
    "ind_opened": ("Unit baru terdaftar {year}", "Units registered in {year}"),
    "ind_closed": ("Unit tutup {year}", "Units closed in {year}"),
    "ind_kelurahan": ("Kelurahan dengan unit IKM", "Kelurahan with IKM units"),
    "ind_sentra": ("Kelurahan dengan sentra IKM", "Kelurahan with an IKM centre"),
    "ind_sentra_members": ("Unit anggota sentra", "Units in a sentra"),
    "ind_workers": ("Tenaga kerja (unit yang melapor)", "Workers (units reporting)"),
    "ind_rows_read": ("Baris diterima", "Rows received"),
    "ind_rows_clean": ("Baris diterima bersih", "Rows accepted"),
    "ind_rows_quarantined": ("Baris dikarantina", "Rows quarantined"),
    "ind_blank_rows": ("Baris kosong dilewati", "Blank rows skipped"),
    "ind_synthetic_rows": ("Baris bernomor sintetis (SIN-…)",
                           "Rows with synthetic numbers (SIN-…)"),
    # chart labels
    "chart_units_by_category": ("Unit IKM aktif menurut kategori, akhir {year}",
                                "Active IKM units by category, end of {year}"),
    "chart_units_by_kecamatan": ("Unit IKM aktif menurut kecamatan, akhir {year}",
                                 "Active IKM units by kecamatan, end of {year}"),
    "chart_active_by_year": ("Unit IKM aktif per akhir tahun", "Active IKM units at year end"),
    "chart_units": ("Unit aktif", "Active units"),
    "chart_map_units": ("Unit IKM aktif per kelurahan, akhir {year}",
                        "Active IKM units by kelurahan, end of {year}"),
    "chart_map_sentra": ("Kelurahan dengan sentra IKM, {year}",
                         "Kelurahan with an IKM centre, {year}"),
    "chart_umkm_series": ("Jumlah UMKM Kalimantan Tengah (seri utama)",
                          "Number of UMKM in Kalimantan Tengah (primary series)"),
    "chart_umkm": ("Unit UMKM", "UMKM units"),
    "chart_province_map": ("Letak Kota Palangka Raya di Kalimantan Tengah",
                           "Kota Palangka Raya within Kalimantan Tengah"),
    "map_hidden": ("disembunyikan (< {min_cell} unit)", "hidden (< {min_cell} units)"),
    "map_with_sentra": ("ada sentra IKM", "has an IKM centre"),
    "map_without_sentra": ("belum ada sentra", "no centre yet"),
    "map_city": ("Kota Palangka Raya", "Kota Palangka Raya"),
    "map_other_regions": ("kabupaten/kota lain", "other kabupaten/kota"),
    # notes under tables
    "note_hidden": (
        "x = disembunyikan: sel yang mewakili kurang dari {min_cell} unit, dan sel lain yang "
        "dapat dipakai untuk menghitungnya, tidak ditampilkan.",
        "x = hidden: cells standing for fewer than {min_cell} units, and other cells from which "
        "they could be worked out, are not shown."),
    "note_medians": (
        "Median hanya ditampilkan bila sedikitnya {min_cell} unit melaporkan nilainya; nilai "
        "kosong tidak dihitung sebagai nol.",
        "Medians are shown only where at least {min_cell} units reported the value; empty values "
        "are never counted as zero."),
    "note_no_change": ("Perubahan tidak dihitung: {reason}.", "Change not computed: {reason}."),
}

#: Caveats every yearly report prints (numbers refer to docs/aqa/assumptions_caveats.md).
CAVEATS: tuple[tuple[str, str], ...] = (
    ("Unit aktif dihitung pada akhir tahun: terdaftar paling lambat tahun itu dan belum tutup "
     "(A14, A15).",
     "Active units are counted at the end of the year: registered by then and not yet closed "
     "(A14, A15)."),
    ("Unit berstatus tidak aktif tanpa tahun tutup dianggap tutup sejak tahun status registri "
     "(A14).",
     "Units marked inactive without a closing year count as closed from the registry's status "
     "year (A14)."),
    ("Registri adalah potret pada tanggal ekspor: unit yang sudah dihapus sebelum ekspor tidak "
     "terhitung, sehingga tahun-tahun awal cenderung lebih rendah dari kenyataan (A23).",
     "A registry is a snapshot taken on its export date: units removed before the export are "
     "missing, so earlier years tend to be undercounted (A23)."),
    ("Jumlah tenaga kerja, investasi dan produksi hanya menjumlahkan nilai yang dilaporkan (A17).",
     "Workers, investment and production add only reported values (A17)."),
    ("Sel kecil disembunyikan untuk melindungi unit usaha (A19).",
     "Small cells are hidden to protect individual businesses (A19)."),
)


def check_lang(lang: str) -> None:
    """Raise ``ValueError`` unless ``lang`` is ``"id"`` or ``"en"``.

    Example:
        >>> check_lang("en")
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use 'id' or 'en'")


def text(key: str, lang: str = "id", **values: object) -> str:
    """The text for ``key`` in ``lang`` with ``values`` filled in.

    Raises:
        ValueError: Unknown language.
        KeyError: Unknown key.
    """
    check_lang(lang)
    indonesian, english = TEXTS[key]
    return (indonesian if lang == "id" else english).format(**values)


def caveats(lang: str = "id") -> list[str]:
    """The caveats of a yearly report in ``lang``.

    Example:
        >>> caveats("en")[0][:27]
        'Active units are counted at'
    """
    check_lang(lang)
    return [pair[0] if lang == "id" else pair[1] for pair in CAVEATS]


@cache
def _category_table() -> dict[str, tuple[str, str]]:
    table = load_product_categories().sort_values("display_order")
    return {code: (label_id, label_en) for code, label_id, label_en in zip(
        table["category_code"], table["label_id"], table["label_en"], strict=True)}


def category_labels(lang: str = "id") -> dict[str, str]:
    """Product category code -> label in ``lang``, in display order."""
    check_lang(lang)
    return {code: pair[0] if lang == "id" else pair[1]
            for code, pair in _category_table().items()}


def kecamatan_labels() -> dict[str, str]:
    """Kecamatan code -> name (the same in both languages).

    Example:
        >>> kecamatan_labels()["62.71.04"]
        'Sabangau'
    """
    table = load_kecamatan()
    return dict(zip(table["kecamatan_code"], table["kecamatan"], strict=True))


def headline_paragraph(figures: dict[str, object], lang: str = "id") -> str:
    """The report's opening paragraph from :func:`ikm_analysis.metrics.headline.headline_figures`.

    Example:
        >>> figures = {"year": 2024, "active_units": 3823, "active_units_previous": 3752,
        ...     "change": 71, "change_percent": 1.89, "change_unavailable_reason": None,
        ...     "opened": 121, "closed": 50, "kelurahan_with_units": 30, "kelurahan_total": 30,
        ...     "kelurahan_with_sentra": 23}
        >>> headline_paragraph(figures, "id")[:80]
        'Pada akhir 2024 tercatat 3.823 unit IKM aktif, naik 71 unit (1,9 %) dibanding ak'
    """
    check_lang(lang)
    year, change = figures["year"], figures["change"]
    number = {key: format_value(figures[key], lang) for key in (
        "active_units", "active_units_previous", "opened", "closed", "kelurahan_with_units",
        "kelurahan_total", "kelurahan_with_sentra")}
    size = format_value(abs(change), lang) + (" unit" if lang == "id" else " units")
    if figures["change_percent"] is not None:
        size += f" ({format_value(abs(figures['change_percent']), lang, 1)} %)"
    if lang == "id":
        direction = "naik" if change > 0 else "turun" if change < 0 else "tetap"
        moved = f"{direction} {size}" if change else "tidak berubah"
        first = (f"Pada akhir {year} tercatat {number['active_units']} unit IKM aktif, {moved} "
                 f"dibanding akhir {year - 1} ({number['active_units_previous']} unit).")
        rest = (f" Sepanjang {year} terdaftar {number['opened']} unit baru dan "
                f"{number['closed']} unit tutup. Unit IKM tercatat di "
                f"{number['kelurahan_with_units']} dari {number['kelurahan_total']} kelurahan; "
                f"{number['kelurahan_with_sentra']} kelurahan memiliki anggota sentra IKM.")
    else:
        direction = "up" if change > 0 else "down" if change < 0 else "unchanged"
        moved = f"{direction} {size}" if change else "unchanged"
        first = (f"At the end of {year}, {number['active_units']} IKM units were active, {moved} "
                 f"on the end of {year - 1} ({number['active_units_previous']} units).")
        rest = (f" During {year}, {number['opened']} units registered and {number['closed']} "
                f"closed. IKM units are recorded in {number['kelurahan_with_units']} of "
                f"{number['kelurahan_total']} kelurahan; {number['kelurahan_with_sentra']} "
                "kelurahan have sentra members.")
    reason = figures.get("change_unavailable_reason")
    if reason:
        sentence = UNAVAILABLE_REASONS[reason][lang]
        rest += " " + text("note_no_change", lang, reason=sentence)
    return first + rest


def heading(key: str, lang: str = "id", level: int = 2, **values: object) -> str:
    """A Markdown heading from :data:`TEXTS`.

    Example:
        >>> heading("section_quality", "en")
        '## Data quality'
    """
    return "#" * level + " " + text(key, lang, **values)


def synthetic_banner_html(is_synthetic: bool, lang: str = "id") -> str:
    """The red DATA SINTETIS banner, or an empty string for a real registry.

    Example:
        >>> synthetic_banner_html(True)[:40]
        '<div class="ikm-banner">DATA SINTETIS — '
        >>> synthetic_banner_html(False)
        ''
    """
    if not is_synthetic:
        return ""
    return f'<div class="ikm-banner">{html.escape(text("synthetic_banner", lang))}</div>'


def bullet_list(sentences: list[str]) -> str:
    """Sentences as a Markdown list.

    Example:
        >>> print(bullet_list(["a", "b"]))
        - a
        - b
    """
    return "\n".join(f"- {sentence}" for sentence in sentences)
