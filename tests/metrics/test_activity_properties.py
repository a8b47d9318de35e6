"""Counting activity from one span per unit equals checking every unit in every year."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis.metrics.activity import active_units_by_year, flows_by_year, is_active
from ikm_analysis.metrics.breakdowns import count_units, count_units_with_change

YEARS = st.one_of(st.none(), st.integers(2015, 2025))
UNITS = st.lists(st.tuples(YEARS, YEARS, st.sampled_from(["aktif", "tidak_aktif", None])),
                 max_size=25)


def active_by_rule(unit: tuple, year: int, status_year: int) -> bool:
    """Module docstring's rule, one unit at a time, written out without spans."""
    registered, closed, status = unit
    if registered is None or registered > year:
        return False
    if closed is not None:
        return closed > year
    return not (status == "tidak_aktif" and year >= status_year)


def as_table(units: list[tuple]) -> pd.DataFrame:
    registered, closed, status = zip(*units, strict=True) if units else ((), (), ())
    return pd.DataFrame({"year_registered": pd.array(list(registered), dtype="Int64"),
                         "year_closed": pd.array(list(closed), dtype="Int64"),
                         "status": pd.Series(list(status), dtype="category")})


@given(UNITS, st.integers(2016, 2026))
def test_counts_and_flows_equal_the_rule_unit_by_unit(units, status_year):
    table = as_table(units)
    years = list(range(2014, 2027))
    counts = active_units_by_year(table, years, status_year)
    flows = flows_by_year(table, years, status_year).set_index("year")
    for year in years:
        now = [active_by_rule(unit, year, status_year) for unit in units]
        before = [active_by_rule(unit, year - 1, status_year) for unit in units]
        assert counts[year] == sum(now)
        assert flows.loc[year].tolist() == [
            sum(before), sum(n and not b for n, b in zip(now, before, strict=True)),
            sum(b and not n for n, b in zip(now, before, strict=True)), sum(now)]
        assert is_active(table, year, status_year).tolist() == now


def counts_with_change_by_filtering(table, by, year, keys, status_year):
    """The breakdown as filter-then-count, the formulation count_units_with_change replaced."""
    current = count_units(table[[by]][is_active(table, year, status_year)], by, keys)
    previous = count_units(table[[by]][is_active(table, year - 1, status_year)], by, keys)
    change = current["units"] - previous["units"]
    base = previous["units"].astype("Float64")
    return pd.DataFrame({
        by: keys, "units_previous": previous["units"], "units": current["units"],
        "share_percent": current["share_percent"], "change": change.astype("int64"),
        "change_percent": (change.astype("Float64") / base * 100).where(base > 0, pd.NA)})


@given(UNITS, st.lists(st.sampled_from(["a", "b", None]), min_size=25, max_size=25),
       st.sampled_from(["category", object]), st.integers(2014, 2026), st.integers(2016, 2026))
def test_counts_with_change_equal_filter_then_count(units, places, dtype, year, status_year):
    table = as_table(units).assign(k=pd.Series(places[:len(units)], dtype=dtype))
    keys = ["b", "a", "c"]  # listed in the caller's order, one never observed
    pd.testing.assert_frame_equal(
        count_units_with_change(table, "k", year, keys, status_year),
        counts_with_change_by_filtering(table, "k", year, keys, status_year))


@given(UNITS, st.integers(2016, 2026), st.lists(st.integers(2010, 2030), max_size=12))
def test_count_active_equals_the_rule_summed_year_by_year(units, status_year, years):
    from ikm_analysis.metrics.activity import active_spans, count_active, is_active_in

    spans = active_spans(as_table(units), status_year)
    assert count_active(spans, years).tolist() == [int(is_active_in(spans, year).sum())
                                                   for year in years]
