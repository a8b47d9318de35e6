import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_analysis.metrics.activity import (
    active_units,
    active_units_by_year,
    default_status_year,
    flows_by_year,
    is_active,
)


def units_table(rows):
    registered, closed, status = zip(*rows, strict=True)
    return pd.DataFrame({
        "year_registered": pd.array(registered, dtype="Int64"),
        "year_closed": pd.array(closed, dtype="Int64"),
        "status": pd.array(status, dtype="string"),
    })


UNITS = units_table([
    (2019, None, "aktif"),  # active from 2019 on
    (2021, None, "aktif"),  # registered mid-series
    (2018, 2022, "tidak_aktif"),  # closed during 2022: active at the end of 2021, not of 2022
    (2017, None, "tidak_aktif"),  # closed at an unknown time: inactive from the status year
    (2025, None, "aktif"),  # registered after every year asked
])


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2018, [False, False, True, True, False]),
     (2021, [True, True, True, True, False]),
     (2022, [True, True, False, True, False]),
     (2025, [True, True, False, False, True])],
)
def test_active_at_the_end_of_each_year(year, expected):
    assert is_active(UNITS, year, status_year=2025).tolist() == expected


def test_status_year_defaults_to_the_latest_year_mentioned():
    assert default_status_year(UNITS) == 2025
    assert is_active(UNITS, 2024).tolist() == is_active(UNITS, 2024, status_year=2025).tolist()
    # with the status recorded in 2023, the unit of unknown closing time is gone in 2023
    assert is_active(UNITS, 2023, status_year=2023).tolist()[3] is False


def test_counts_by_year_and_subset():
    counts = active_units_by_year(UNITS, range(2019, 2023), status_year=2025)
    assert counts.to_dict() == {2019: 3, 2020: 3, 2021: 4, 2022: 3}
    assert len(active_units(UNITS, 2022, status_year=2025)) == 3


def test_missing_columns_and_empty_tables():
    with pytest.raises(KeyError, match="year_closed"):
        is_active(pd.DataFrame({"year_registered": [2020], "status": ["aktif"]}), 2020)
    empty = units_table([(2020, None, "aktif")]).iloc[0:0]
    assert active_units_by_year(empty, [2020]).tolist() == [0]
    with pytest.raises(ValueError, match="no registration"):
        default_status_year(empty)


def test_flows_explain_every_change():
    flows = flows_by_year(UNITS, range(2019, 2026), status_year=2025).set_index("year")
    assert flows.loc[2022].tolist() == [4, 0, 1, 3]  # the 2022 closure
    assert flows.loc[2025].tolist() == [3, 1, 1, 3]  # one new, one gone at the status year
    assert (flows["active_previous"] + flows["opened"] - flows["closed"]
            == flows["active"]).all()


registries = st.lists(
    st.tuples(st.integers(2010, 2025), st.one_of(st.none(), st.integers(2010, 2025)),
              st.sampled_from(["aktif", "tidak_aktif"])),
    max_size=40,
).map(lambda rows: [(r, c if c is None or c >= r else r, s if c is None else "tidak_aktif")
                    for r, c, s in rows])


@settings(max_examples=50, deadline=None)
@given(registries, st.integers(2012, 2025))
def test_flow_identity_and_counts_hold_for_any_registry(rows, status_year):
    units = units_table(rows) if rows else units_table([(2020, None, "aktif")]).iloc[0:0]
    flows = flows_by_year(units, range(2011, 2026), status_year=status_year)
    assert (flows["active_previous"] + flows["opened"] - flows["closed"]
            == flows["active"]).all()
    counts = active_units_by_year(units, range(2011, 2026), status_year=status_year)
    assert flows["active"].tolist() == counts.tolist()
    assert (flows["active"] <= len(units)).all()


def test_active_units_keep_only_the_columns_asked_for():
    units = pd.DataFrame({"year_registered": pd.array([2019, 2023], dtype="Int64"),
                          "year_closed": pd.array([None, None], dtype="Int64"),
                          "status": ["aktif", "aktif"], "k": ["a", "b"], "name": ["x", "y"]})
    narrow = active_units(units, 2020, columns=["k"])
    pd.testing.assert_frame_equal(narrow, active_units(units, 2020)[["k"]])
    with pytest.raises(KeyError):
        active_units(units, 2020, columns=["nothing"])


@pytest.mark.parametrize(
    ("registered", "closed", "expected"),
    [([2019, None], [None, None], 2019), ([None, None], [2022, None], 2022),
     ([2019, 2023], [2021, None], 2023)],
)
def test_status_year_is_the_latest_year_of_either_column(registered, closed, expected):
    units = pd.DataFrame({"year_registered": pd.array(registered, dtype="Int64"),
                          "year_closed": pd.array(closed, dtype="Int64"),
                          "status": ["aktif", "aktif"]})
    assert default_status_year(units) == expected
