import pandas as pd
import pytest

from ikm_analysis.metrics.economics import economic_summaries, economic_summary

UNITS = pd.DataFrame({
    "kecamatan_code": ["62.71.01", "62.71.01", "62.71.01", "62.71.03"],
    "workers_count": pd.array([2, 5, None, 10], dtype="Int64"),
    "investment_rp": pd.array([1e6, 3e6, 8e6, None], dtype="Float64"),
    "production_value_rp": pd.array([None, 2e7, None, None], dtype="Float64"),
})


def test_totals_medians_and_reporting_counts_per_group():
    table = economic_summary(UNITS, "kecamatan_code", ["62.71.01", "62.71.02", "62.71.03"],
                             min_reported=1)
    pahandut, bukit_batu, jekan = (table.iloc[i] for i in range(3))
    assert (pahandut["units"], pahandut["workers_total"], pahandut["workers_reported"]) == (3, 7, 2)
    assert pahandut["workers_median"] == 3.5
    assert pahandut["investment_rp_total"] == 12e6 and pahandut["investment_rp_median"] == 3e6
    assert (jekan["investment_rp_reported"], jekan["investment_rp_total"]) == (0, 0)
    assert pd.isna(jekan["investment_rp_median"])  # nothing reported: no median, not zero
    assert bukit_batu["units"] == 0 and pd.isna(bukit_batu["workers_median"])


def test_medians_of_one_or_two_businesses_are_not_shown():
    table = economic_summary(UNITS, "kecamatan_code")  # default: at least 3 reporting
    pahandut = table.iloc[0]
    assert pahandut["investment_rp_reported"] == 3 and pahandut["investment_rp_median"] == 3e6
    assert pd.isna(pahandut["workers_median"])  # only 2 reported
    assert pahandut["workers_total"] == 7  # totals stay: protect them with disclosure


def test_summary_of_all_units():
    row = economic_summary(UNITS).iloc[0]
    assert (row["units"], row["workers_total"], row["production_value_rp_reported"]) == (4, 17, 1)
    assert "_all" not in economic_summary(UNITS).columns


def test_group_totals_add_up_to_the_overall_total():
    by_group = economic_summary(UNITS, "kecamatan_code")
    overall = economic_summary(UNITS).iloc[0]
    for column in ["units", "workers_total", "investment_rp_total", "production_value_rp_total"]:
        assert by_group[column].sum() == overall[column]


def test_units_outside_the_keys_are_an_error_not_a_silent_drop():
    with pytest.raises(ValueError, match=r"62\.71\.03"):
        economic_summary(UNITS, "kecamatan_code", ["62.71.01"])


@pytest.mark.parametrize("rows", [0, 1, 5])
def test_the_overall_row_equals_one_group_holding_every_unit(rows):
    units = pd.DataFrame({
        "workers_count": pd.array([2, None, 4, 1, 7][:rows], dtype="Int64"),
        "investment_rp": pd.array([1e6, None, 5e6, 2.5e6, None][:rows], dtype="Float64"),
        "production_value_rp": pd.array([None, 3e6, 1e6, 4e6, 2e6][:rows], dtype="Float64")})
    one_group = economic_summary(units.assign(g="all"), "g", ["all"], min_reported=2)
    pd.testing.assert_frame_equal(economic_summary(units, min_reported=2),
                                  one_group.drop(columns="g"))


def test_summaries_side_by_side_equal_the_two_calls():
    keys = ["62.71.01", "62.71.02", "62.71.03"]
    per_group, overall = economic_summaries(UNITS, "kecamatan_code", keys, min_reported=1)
    pd.testing.assert_frame_equal(
        per_group, economic_summary(UNITS, "kecamatan_code", keys, min_reported=1))
    pd.testing.assert_frame_equal(overall, economic_summary(UNITS, min_reported=1))
    with pytest.raises(ValueError):  # an error of either call reaches the caller
        economic_summaries(UNITS, "kecamatan_code", ["62.71.01"])
