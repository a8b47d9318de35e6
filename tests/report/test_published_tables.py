"""Published figures as report tables."""

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
    assert "versi berbeda" in paragraph


def test_growth_paragraph_in_english():
    paragraph = umkm_growth_paragraph("en")
    assert "64,087" in paragraph and "92,799" in paragraph and "44.8 %" in paragraph


def test_series_table_has_the_change_on_the_previous_year():
    table = umkm_series_table("id").text.set_index("Tahun")
    assert table.loc["2021", "Perubahan"] == "+28.712"
    assert table.loc["2021", "Perubahan (%)"] == "+44,8"


def test_conflicts_table_lists_every_other_version_with_its_source():
    table = umkm_conflicts_table("en")
    assert {"64,067", "71,406", "75,278", "11,191"} <= set(table.text["Value"])
    assert table.text["Source"].str.startswith("http").all()


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
