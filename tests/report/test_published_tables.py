"""Published figures as report tables."""

import pytest

from ikm_analysis.report.published_tables import (
    city_published_table,
    umkm_conflicts_table,
    umkm_growth_paragraph,
    umkm_series_table,
)


def test_growth_paragraph_reproduces_the_published_figures_in_indonesian_format():
    paragraph = umkm_growth_paragraph("id")
    for figure in ("64.087", "92.799", "28.712", "44,8 %"):
        assert figure in paragraph
    assert "versi lain" in paragraph


def test_growth_paragraph_in_english():
    paragraph = umkm_growth_paragraph("en")
    assert "64,087" in paragraph and "92,799" in paragraph and "44.8%" in paragraph


def test_series_table_has_the_change_on_the_previous_year():
    table = umkm_series_table("id").text.set_index("Tahun")
    assert table.loc["2021", "Perubahan"] == "+28.712"
    assert table.loc["2021", "Perubahan (%)"] == "+44,8"


def test_conflicts_table_lists_every_other_version_with_its_source():
    table = umkm_conflicts_table("en")
    assert {"64,067", "71,406", "75,278", "11,191"} <= set(table.text["Value"])
    assert table.text["Source"].str.len().gt(0).all()
    assert set(table.text["Source"]) >= {"Tribun Kalteng (8 November 2021)",
                                         "Antara Kalteng (21 July 2023)"}


def test_city_table_marks_the_lower_bound():
    shown = city_published_table("id").text.set_index("Indikator")
    assert shown.loc["Unit IKM aktif tercatat", "Nilai"] == "3.800"
    assert shown.loc["Unit IKM aktif tercatat", "Keterangan"] == "lebih dari"
    assert shown.loc["Unit usaha kategori industri", "Nilai"] == "4.133"


def test_key_figures():
    from ikm_analysis.report.key_figures import umkm_key_figures

    figures = umkm_key_figures("en")
    assert (figures["umkm_2020"], figures["umkm_2021"], figures["change"]) == (64087, 92799, 28712)
    assert round(figures["change_percent"], 1) == 44.8


def test_unknown_language_is_an_error():
    import pytest

    from ikm_analysis.report.published_tables import qualifier_text

    with pytest.raises(ValueError, match="unknown language"):
        qualifier_text("exact", "fr")


def test_every_other_version_of_the_umkm_count_has_its_note_in_each_language():
    from ikm_analysis.i18n import LANGS
    from ikm_analysis.metrics.published import KALTENG, UMKM, published_conflicts
    from ikm_analysis.report.published_tables import version_note

    conflicts = published_conflicts(UMKM, KALTENG)
    for lang in LANGS:
        notes = [version_note(int(year), int(value), lang)
                 for year, value in zip(conflicts["year"], conflicts["value"], strict=True)]
        assert all(len(note) > 30 for note in notes)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_published_tables_print_no_english_remarks_in_indonesian_and_name_outlets(lang):
    from ikm_analysis.report.published_tables import (
        city_published_table,
        umkm_conflicts_table,
        umkm_series_table,
    )

    for table in (city_published_table(lang), umkm_series_table(lang), umkm_conflicts_table(lang)):
        cells = " ".join(table.text.astype(str).to_numpy().ravel())
        assert "http" not in cells and "same;" not in cells
        if lang == "id":
            assert not {"citing", "also", "note", "SOURCES"} & set(cells.replace(",", " ").split())
        assert any("http" in note for note in table.notes)  # the addresses, once, under it


def test_the_umkm_lead_states_the_disagreement_and_what_the_sources_are():
    from ikm_analysis.report.published_tables import umkm_growth_paragraph

    lead = umkm_growth_paragraph("id")
    assert lead.startswith("Sumber tidak sepakat") and "64.087 dan 92.799" in lead
    assert "44,8 %" in lead and "berita" in lead and "diterbitkan provinsi" not in lead


def test_source_dates_have_month_names_in_each_language():
    from ikm_analysis.report.sources import describe_source

    for month, (indonesian, english) in enumerate([("Januari", "January"), ("Desember",
                                                                           "December")]):
        number = 1 if month == 0 else 12
        source = f"https://beritasampit.com/2021/{number:02d}/05/x/"
        assert describe_source(source, "id") == f"Berita Sampit (5 {indonesian} 2021)"
        assert describe_source(source, "en") == f"Berita Sampit (5 {english} 2021)"
