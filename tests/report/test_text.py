"""Report texts in Indonesian and English."""


import pytest

from ikm_analysis.report.text import (
    category_labels,
    caveats,
    headline_paragraph,
    synthetic_banner_html,
    text,
)

FIGURES = {"year": 2024, "active_units": 3823, "active_units_previous": 3752, "change": 71,
           "change_percent": 1.89, "change_unavailable_reason": None, "opened": 121,
           "closed": 50, "kelurahan_with_units": 30, "kelurahan_total": 30,
           "kelurahan_with_sentra": 23}


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="unknown language"):
        text("total", "fr")


def test_headline_paragraph_says_up_down_or_unchanged():
    assert "naik 71 unit (1,9 %)" in headline_paragraph(FIGURES, "id")
    down = FIGURES | {"change": -5, "change_percent": -0.13}
    assert "down 5 units (0.1%)" in headline_paragraph(down, "en")
    same = FIGURES | {"change": 0, "change_percent": 0.0}
    assert "tidak berubah" in headline_paragraph(same, "id")


def test_headline_paragraph_gives_the_reason_when_no_rate():
    first_year = FIGURES | {"active_units_previous": 0, "change": 3823, "change_percent": None,
                            "change_unavailable_reason": "base_zero"}
    paragraph = headline_paragraph(first_year, "id")
    assert "%" not in paragraph.split(".")[0]
    assert "tahun dasar bernilai nol" in paragraph


def test_categories_follow_the_reference_order_in_both_languages():
    assert list(category_labels("id")) == list(category_labels("en"))
    assert category_labels("id")["sandang"] == "Sandang dan batik benang bintik"


def test_banner_only_for_synthetic_data():
    assert "DATA SINTETIS" in synthetic_banner_html(True, "en")
    assert synthetic_banner_html(False, "id") == ""


def test_caveats_exist_in_both_languages():
    assert len(caveats("id")) == len(caveats("en")) >= 4
