"""Descriptions of charts and maps: written from the data, hidden cells only counted."""

import pandas as pd
import pytest

from ikm_analysis.report.descriptions import (
    describe_bar_chart,
    describe_category_map,
    describe_choropleth,
    describe_line_chart,
    describe_trend_chart,
)


def test_bar_chart_names_the_largest_and_smallest_in_indonesian_numbers():
    values = pd.Series({"Pangan": 1589, "Kerajinan": 651, "Kayu": 499, "Lainnya": 231})
    assert describe_bar_chart(values, "Unit aktif, 2024", "id") == (
        "Diagram batang: Unit aktif, 2024. Terbanyak: Pangan (1.589), Kerajinan (651), "
        "Kayu (499). Paling sedikit: Lainnya (231).")


def test_bar_chart_never_names_a_hidden_value():
    values = pd.Series({"Pangan": 1589, "Kayu": pd.NA, "Logam": pd.NA, "Lainnya": 4})
    described = describe_bar_chart(values, "T", "en")
    assert "Kayu" not in described and "Logam" not in described
    assert described.endswith("Values hidden (small cells): 2.")


def test_line_chart_first_last_and_peak():
    values = pd.Series({2019: 100, 2020: 1500, 2021: 1200})
    assert describe_line_chart(values, "UMKM", "en") == (
        "Line chart: UMKM, 2019–2021. From 100 (2019) to 1,200 (2021); highest 1,500 (2020).")


@pytest.mark.parametrize("values", [
    pytest.param(pd.Series(dtype="Float64"), id="empty"),
    pytest.param(pd.Series({2020: pd.NA}, dtype="Float64"), id="all-hidden"),
])
def test_descriptions_survive_no_shown_values(values):
    assert describe_line_chart(values, "T", "id").startswith("Diagram garis: T")
    assert describe_bar_chart(values, "T", "id").startswith("Diagram batang: T.")


def test_trend_chart_last_year_and_rise_skip_hidden_cells():
    values = pd.DataFrame({2020: [10, pd.NA, 1], 2024: [12, 40, 9]}, index=["A", "B", "C"])
    described = describe_trend_chart(values, "Unit", "id")
    assert "Tahun 2024 terbanyak: B (40), A (12), C (9)." in described
    assert "Kenaikan terbesar sejak 2020: C (+8)." in described  # B's rise would use a hidden cell
    assert described.endswith("Nilai disembunyikan (sel kecil): 1.")


def test_choropleth_range_largest_and_hidden_count():
    names = {"1": "Menteng", "2": "Palangka", "3": "Langkai", "4": "Pager"}
    described = describe_choropleth({"1": 702, "2": 773, "3": pd.NA, "4": 0}, names,
                                    "Unit, 2024", 5, "id")
    assert described == (
        "Peta kelurahan: Unit, 2024. 4 kelurahan dalam 5 kelas warna, dari 0 sampai 773. "
        "Terbanyak: Palangka (773), Menteng (702), Pager (0). 1 kelurahan diarsir abu-abu: "
        "angkanya disembunyikan.")
    assert "Langkai" not in described


def test_category_map_lists_the_smaller_classes_by_name():
    classes = {str(i): "ada" if i < 12 else "belum" for i in range(14)}
    names = {str(i): f"K{i}" for i in range(14)}
    described = describe_category_map(classes, names, "Sentra", "id")
    assert described == "Peta kelurahan: Sentra. Ada: 12 kelurahan; belum: 2 kelurahan (K12, K13)."


def test_the_english_province_map_is_described_in_the_words_of_its_legend():
    from ikm_analysis.report.maps import city_locator_map

    described = city_locator_map("en").description
    assert described.startswith("Map by kabupaten/kota: Kota Palangka Raya within Kalimantan "
                                "Tengah. Other kabupaten/kota: 13 kabupaten/kota;")
    assert "regency" not in described
