"""Tables of the yearly report: values, hidden cells and text."""

import pandas as pd

from ikm_analysis.metrics import (
    active_units_by_category,
    active_units_by_category_and_kecamatan,
    active_units_by_kecamatan,
    economy_by_category,
    sentra_by_kelurahan,
)
from ikm_analysis.metrics.disclosure import suppress_small_cells
from ikm_analysis.reference import load_kelurahan
from ikm_analysis.report.display import HIDDEN
from ikm_analysis.report.table import TOTAL
from ikm_analysis.report.yearly_tables import (
    cross_table,
    economics_table,
    kelurahan_table,
    units_table,
)


def make_units(rows):
    """Units from (category, kelurahan code, year registered, workers) tuples, all active."""
    kelurahan = load_kelurahan().set_index("kelurahan_code")
    codes = [row[1] for row in rows]
    return pd.DataFrame({
        "category_code": [row[0] for row in rows],
        "kelurahan_code": codes,
        "kelurahan": kelurahan.loc[codes, "kelurahan"].to_numpy(),
        "kecamatan_code": kelurahan.loc[codes, "kecamatan_code"].to_numpy(),
        "kecamatan": kelurahan.loc[codes, "kecamatan"].to_numpy(),
        "year_registered": pd.array([row[2] for row in rows], dtype="Int64"),
        "year_closed": pd.array([None] * len(rows), dtype="Int64"),
        "status": ["aktif"] * len(rows),
        "is_sentra_member": pd.array([False] * len(rows), dtype="boolean"),
        "workers_count": pd.array([row[3] for row in rows], dtype="Int64"),
        "investment_rp": pd.array([1_000_000.0] * len(rows), dtype="Float64"),
        "production_value_rp": pd.array([None] * len(rows), dtype="Float64"),
    })


PAHANDUT, MENTENG, PAGER = "62.71.01.1001", "62.71.03.1002", "62.71.05.1005"
UNITS = make_units(
    [("pangan", PAHANDUT, 2020, 2)] * 8      # large in both years
    + [("pangan", MENTENG, 2024, 3)] * 5     # new in 2024
    + [("kayu", MENTENG, 2020, 1)] * 6
    + [("sandang", PAGER, 2020, None)] * 1   # a single unit: must be hidden
)


def test_units_table_hides_small_counts_with_a_complement_and_their_changes():
    table = units_table(active_units_by_category(UNITS, 2024), 2024, min_cell=3, lang="id")
    hidden = table.values["units"].isna()
    assert hidden["sandang"]
    assert hidden.sum() >= 2  # the single unit could otherwise be worked out from the total
    assert table.values.loc[TOTAL, "units"] == 20
    shown = table.text.set_index("Kategori produk")
    assert shown.loc["Sandang dan batik benang bintik", "Unit aktif 2024"] == HIDDEN
    assert shown.loc["Sandang dan batik benang bintik", "Perubahan"] == HIDDEN
    assert shown.loc["Pangan (makanan dan minuman)", "Perubahan"] == "+5"
    assert shown.loc["Jumlah", "Perubahan (%)"] == "+33,3"


def test_units_table_lists_every_reference_key():
    table = units_table(active_units_by_kecamatan(UNITS, 2024), 2024, lang="en")
    assert table.text["Kecamatan"].tolist() == [
        "Pahandut", "Bukit Batu", "Jekan Raya", "Sabangau", "Rakumpit", "Total"]
    assert table.series("units").index.tolist()[0] == "Pahandut"
    assert TOTAL not in table.by_key("units").index


def test_cross_table_hides_small_cells_the_same_way_as_disclosure():
    table = cross_table(active_units_by_category_and_kecamatan(UNITS), min_cell=3)
    assert table.values.loc["sandang", "62.71.05"] is pd.NA
    assert table.values.loc["pangan", "62.71.01"] == 8
    text_cells = table.text.iloc[:, 1:].to_numpy()
    assert ((text_cells == HIDDEN) == table.values.isna().to_numpy()).all()


def test_kelurahan_table_has_all_kelurahan_and_hides_single_units():
    table = kelurahan_table(sentra_by_kelurahan(UNITS), 2024, min_cell=3)
    assert len(table.values) == 31
    assert table.values.loc[PAGER, "units"] is pd.NA
    assert table.values.loc[MENTENG, "units"] == 11
    assert table.text.iloc[-1]["Ada sentra"] == "0 / 30"


def test_economics_table_hides_totals_from_too_few_reporting_units():
    table = economics_table(economy_by_category(UNITS, 3), min_cell=3, lang="en")
    assert table.values.loc["kayu", "workers_total"] == 6
    assert table.values.loc["pangan", "workers_total"] == 31
    # sandang: one unit that reported no workers -> a total of nothing, median not shown
    assert table.values.loc["sandang", "workers_median"] is pd.NA
    assert table.values.loc["sandang", "investment_rp_total"] is pd.NA  # one unit reported
    assert table.values.loc[TOTAL, "investment_rp_total"] == 20.0  # Rp million
    assert any("never counted as zero" in note for note in table.notes)


def test_economics_hidden_totals_match_disclosure_of_the_amounts():
    table = economics_table(economy_by_category(UNITS, 3), min_cell=3)
    investment = table.values["investment_rp_total"]
    contributors = UNITS.groupby("category_code")["investment_rp"].count()
    small = contributors[(contributors > 0) & (contributors < 3)].index
    assert investment[list(small)].isna().all()


def test_suppression_helper_agrees_on_a_plain_cross_table():
    counts = pd.DataFrame({"a": [10, 1], "b": [7, 9]}, index=["x", "y"])
    assert suppress_small_cells(counts, 3).is_suppressed.loc["y", "a"]


def test_concentration_hides_what_would_give_a_hidden_cell_away():
    from ikm_analysis.report.yearly_tables import concentration_table

    cross = active_units_by_category_and_kecamatan(UNITS)
    table = concentration_table(cross, min_cell=3, lang="id")
    hidden_cells = cross_table(cross, min_cell=3).values.drop(index=TOTAL, columns=TOTAL).isna()
    for kecamatan in table.values.index:
        if hidden_cells[kecamatan].any():
            assert table.values.loc[kecamatan, "hhi"] is pd.NA
        top = table.values.loc[kecamatan, "top_category"]
        if isinstance(top, str):
            assert not hidden_cells.loc[top, kecamatan]
    # Pahandut: 8 food units and nothing else shown -> fully concentrated, food
    assert table.values.loc["62.71.01", "hhi"] == 1.0
    assert table.text.iloc[0, 2] == "Pangan (makanan dan minuman)"
    assert "0,17" in table.notes[0]


def test_the_first_report_year_carries_the_base_year_caveat():
    from ikm_analysis.report.yearly_tables import headline_table

    figures = {"year": 2020, "active_units": 10, "active_units_previous": 8, "change": 2,
               "change_percent": 25.0, "change_unavailable_reason": None, "opened": 3,
               "closed": 1, "kelurahan_with_units": 3, "kelurahan_total": 30,
               "kelurahan_with_sentra": 1, "sentra_share_percent": 3.3, "sentra_members": 4,
               "workers_total": 40, "workers_reported": 9}
    first = headline_table(figures, "id", first_report_year=2020)
    later = headline_table(figures | {"year": 2021}, "id", first_report_year=2020)
    assert any("tahun dasar" in note and "2019" in note for note in first.notes)
    assert not any("tahun dasar" in note for note in later.notes)
    assert any("2019" in note and "base year" in note
               for note in headline_table(figures, "en", first_report_year=2020).notes)


def test_trend_table_hides_each_year_as_the_units_table_does():
    from ikm_analysis.metrics import active_units_by_year_and
    from ikm_analysis.report.yearly_tables import trend_table

    place = "62.71.01.1001"
    rows = ([("pangan", place, 2020, 1)] * 9 + [("kayu", place, 2023, 1)] * 2
            + [("sandang", place, 2020, 1)] * 4 + [("kerajinan", place, 2024, 1)])
    units = make_units(rows)
    for by, breakdown in (("category_code", active_units_by_category),
                          ("kecamatan_code", active_units_by_kecamatan)):
        trend = trend_table(active_units_by_year_and(units, by, [2022, 2023, 2024]), 3, "en")
        table = units_table(breakdown(units, 2024), 2024, 3, "en")
        assert trend.values[2024].isna().tolist() == table.values["units"].isna().tolist()
        assert trend.values[2023].isna().tolist() == table.values["units_previous"].isna().tolist()
    trend = trend_table(active_units_by_year_and(units, "category_code", [2023, 2024]), 3, "en")
    assert trend.values.loc["kayu", 2023] is pd.NA  # 2 units: hidden
    assert trend.text.columns.tolist() == ["Product category", "2023", "2024"]
    assert trend.labelled().index[0] == "Food and beverages"
    assert TOTAL not in trend.labelled().index


def test_headline_percentages_are_written_as_each_language_writes_them():
    from ikm_analysis.report.yearly_tables import headline_table

    figures = {"year": 2024, "active_units": 3823, "active_units_previous": 3752, "change": 71,
               "change_percent": 1.89, "change_unavailable_reason": None, "opened": 121,
               "closed": 50, "kelurahan_with_units": 30, "kelurahan_total": 30,
               "kelurahan_with_sentra": 23, "sentra_share_percent": 76.67,
               "sentra_members": 930, "workers_total": 15852, "workers_reported": 3689}
    indonesian = headline_table(figures, "id").text.iloc[:, 1].tolist()
    english = headline_table(figures, "en").text.iloc[:, 1].tolist()
    assert indonesian[2] == "+71 (+1,9 %)" and indonesian[6] == "23 / 30 (76,7 %)"
    assert english[2] == "+71 (+1.9%)" and english[6] == "23 / 30 (76.7%)"
