import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis.i18n.formatting import round_half_up
from ikm_analysis.metrics.breakdowns import (
    count_units,
    count_units_with_change,
    cross_count,
    reference_keys,
    share_percent,
)


def test_reference_keys_cover_every_category_and_area():
    assert reference_keys("category_code") == [
        "pangan", "kerajinan", "kayu", "sandang", "logam_mesin_kimia", "lainnya"]
    assert len(reference_keys("kecamatan_code")) == 5
    assert len(reference_keys("kelurahan_code")) == 30
    with pytest.raises(ValueError, match="no reference keys"):
        reference_keys("status")


def test_count_units_lists_every_key_in_order_with_zeros():
    units = pd.DataFrame({"category_code": ["kayu", "pangan", "pangan", "kayu", "kayu"]})
    table = count_units(units, "category_code", reference_keys("category_code"))
    assert table["category_code"].tolist()[:3] == ["pangan", "kerajinan", "kayu"]
    assert table["units"].tolist() == [2, 0, 3, 0, 0, 0]
    assert table["share_percent"].tolist() == [40.0, 0.0, 60.0, 0.0, 0.0, 0.0]


def test_unknown_values_and_columns_are_errors():
    units = pd.DataFrame({"category_code": ["kayu", "perdagangan"]})
    with pytest.raises(ValueError, match="perdagangan"):
        count_units(units, "category_code", ["kayu"])
    with pytest.raises(KeyError, match="kecamatan_code"):
        count_units(units, "kecamatan_code")


def test_empty_table_has_zero_counts_and_no_shares():
    units = pd.DataFrame({"k": pd.Series([], dtype="string")})
    table = count_units(units, "k", ["a", "b"])
    assert table["units"].tolist() == [0, 0]
    assert table["share_percent"].isna().all()


def test_year_on_year_change_per_key():
    units = pd.DataFrame({
        "k": ["a", "a", "a", "b", "c"],
        "year_registered": pd.array([2019, 2020, 2021, 2021, 2018], dtype="Int64"),
        "year_closed": pd.array([None, None, None, None, 2021], dtype="Int64"),
        "status": ["aktif", "aktif", "aktif", "aktif", "tidak_aktif"],
    })
    table = count_units_with_change(units, "k", 2021, keys=["a", "b", "c"])
    assert table["units_previous"].tolist() == [2, 0, 1]
    assert table["units"].tolist() == [3, 1, 0]
    assert table["change"].tolist() == [1, 1, -1]
    assert table["change_percent"].tolist() == [50.0, pd.NA, -100.0]  # no % from a zero base


def test_cross_count_fills_empty_pairs():
    units = pd.DataFrame({"r": ["x", "y", "y"], "c": ["a", "a", "b"]})
    table = cross_count(units, "r", "c", ["x", "y", "z"], ["a", "b"])
    assert table.values.tolist() == [[1, 0], [1, 1], [0, 0]]
    assert table.to_numpy().sum() == len(units)


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=40))
def test_shares_sum_to_100_and_rounded_shares_within_rounding(counts):
    shares = share_percent(pd.Series(counts))
    if sum(counts) == 0:
        assert shares.isna().all()
        return
    assert abs(float(shares.sum()) - 100) < 1e-9
    rounded = sum(float(round_half_up(float(s), 1)) for s in shares)
    assert abs(rounded - 100) <= 0.05 * len(counts) + 1e-9
    assert (shares >= 0).all()


@given(st.lists(st.sampled_from(["pangan", "kayu", "sandang", "lainnya"]), max_size=60))
def test_counts_add_up_to_the_units_given(categories):
    table = count_units(pd.DataFrame({"c": categories}), "c", ["pangan", "kayu", "sandang",
                                                                 "lainnya"])
    assert table["units"].sum() == len(categories)


def test_trend_by_key_equals_the_yearly_breakdowns():
    from ikm_analysis.metrics import active_units_by_category, active_units_by_year_and
    from ikm_analysis.report.inputs import load_report_registry

    registry = load_report_registry(None)
    clean, status_year = registry.clean, registry.status_year
    trend = active_units_by_year_and(clean, "category_code", [2022, 2023, 2024], status_year)
    table = active_units_by_category(clean, 2024, status_year).set_index("category_code")
    assert trend[2024].tolist() == table["units"].tolist()
    assert trend[2023].tolist() == table["units_previous"].tolist()
    assert list(trend.columns) == [2022, 2023, 2024] and trend.index.name == "category_code"


def test_trend_by_key_lists_every_kecamatan_with_zeros():
    from ikm_analysis.metrics import active_units_by_year_and

    units = pd.DataFrame({
        "kecamatan_code": ["62.71.01", "62.71.01", "62.71.05"],  # one closes in 2022
        "year_registered": pd.array([2020, 2021, 2022], dtype="Int64"),
        "year_closed": pd.array([None, 2022, None], dtype="Int64"),
        "status": ["aktif", "tidak_aktif", "aktif"]})
    trend = active_units_by_year_and(units, "kecamatan_code", [2020, 2021, 2022])
    assert trend.loc["62.71.01"].tolist() == [1, 2, 1]
    assert trend.loc["62.71.05"].tolist() == [0, 0, 1]
    assert len(trend) == 5 and trend.to_numpy().dtype == "int64"
