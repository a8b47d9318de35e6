"""House-style charts and maps."""

import pandas as pd
import pytest

from ikm_analysis.reference import load_kabupaten_kota, load_kelurahan
from ikm_analysis.report.charts import bar_chart, figure_png, line_chart
from ikm_analysis.report.maps import (
    category_map,
    choropleth,
    city_locator_map,
    load_boundaries,
    sentra_map,
)


def test_bar_chart_prints_values_in_the_report_language_and_x_for_hidden():
    figure = bar_chart(pd.Series({"Pangan": 1589, "Kayu": pd.NA}), "t", "Unit", "id")
    labels = [text.get_text() for text in figure.axes[0].texts]
    assert labels == ["x", "1.589"]


def test_line_chart_labels_points():
    figure = line_chart(pd.Series({2020: 64087, 2021: 92799}), "t", "Unit", "en")
    assert [text.get_text() for text in figure.axes[0].texts] == ["64,087", "92,799"]


def test_png_is_the_same_every_time():
    figure = bar_chart(pd.Series({"a": 3}), "t", "v")
    first = figure_png(figure)
    assert first == figure_png(bar_chart(pd.Series({"a": 3}), "t", "v"))
    assert b"tIME" not in first  # no timestamp chunk


def test_boundaries_cover_the_reference_regions_exactly():
    assert {b.code for b in load_boundaries("kelurahan")} == set(
        load_kelurahan()["kelurahan_code"])
    assert {b.code for b in load_boundaries("kabupaten_kota")} == set(
        load_kabupaten_kota()["kabkota_code_kemendagri"])
    with pytest.raises(ValueError, match="unknown level"):
        load_boundaries("desa")


def test_choropleth_refuses_codes_not_on_the_map():
    with pytest.raises(ValueError, match="not on this map"):
        choropleth(load_boundaries("kelurahan"), {"62.71.99.9999": 3}, "t", "v")


def test_choropleth_marks_hidden_regions_in_the_legend():
    boundaries = load_boundaries("kelurahan")
    values = {b.code: 10 for b in boundaries} | {boundaries[0].code: pd.NA}
    figure = choropleth(boundaries, values, "t", "v", hidden_label="disembunyikan")
    legend = figure.axes[0].get_legend()
    assert [text.get_text() for text in legend.get_texts()] == ["disembunyikan"]


def test_category_map_needs_a_class_for_every_region():
    boundaries = load_boundaries("kabupaten_kota")
    with pytest.raises(ValueError, match="without a class"):
        category_map(boundaries, {"62.71": "kota"}, {"kota": "red"}, "t")


def test_report_maps_have_legends_in_the_report_language():
    has_sentra = pd.Series({b.code: i % 4 != 0 for i, b in enumerate(
        load_boundaries("kelurahan"))})
    legend = sentra_map(has_sentra, 2024, "en").axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["has an IKM centre", "no centre yet"]
    locator = city_locator_map("id").axes[0].get_legend()
    assert locator.get_texts()[0].get_text() == "Kota Palangka Raya"


def test_boundary_credit_in_both_languages():
    from ikm_analysis.report.maps import boundary_credit

    assert boundary_credit("id").startswith("Batas administrasi: cahyadsn/wilayah_boundaries (MIT)")
    assert "(MIT)" in boundary_credit("en") and "Kemendagri/BIG" in boundary_credit("en")
    with pytest.raises(ValueError, match="unknown language"):
        boundary_credit("jv")


def test_charts_and_maps_leave_matplotlib_settings_alone():
    import matplotlib as mpl

    from ikm_analysis.report.maps import city_locator_map

    before = dict(mpl.rcParams)
    figure_png(bar_chart(pd.Series({"a": 3, "b": 5}), "t", "v"))
    figure_png(line_chart(pd.Series({2020: 1, 2021: 2}), "t", "v"))
    figure_png(city_locator_map("en"))
    after = dict(mpl.rcParams)
    assert {key for key in before if before[key] != after[key]} == set()
