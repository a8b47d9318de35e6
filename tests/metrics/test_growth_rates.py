import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis.metrics.growth_rates import UNAVAILABLE_REASONS, growth, growth_between


def test_kalteng_umkm_growth_is_the_published_one():
    result = growth(64087, 92799)
    assert result.absolute == 28712
    assert round(result.percent, 1) == 44.8
    assert result.cagr_percent == pytest.approx(result.percent)  # one year: CAGR = change
    assert result.unavailable_reason is None


def test_cagr_over_several_years():
    result = growth(1000, 1331, years=3)
    assert result.percent == pytest.approx(33.1)
    assert result.cagr_percent == pytest.approx(10.0)


def test_decline_gives_negative_rates():
    result = growth(200, 150, years=1)
    assert (result.absolute, result.percent) == (-50, -25)


@pytest.mark.parametrize(
    ("base", "current", "reason", "absolute"),
    [
        pytest.param(None, 10, "base_missing", None, id="no base"),
        pytest.param(float("nan"), 10, "base_missing", None, id="NaN base"),
        pytest.param(pd.NA, 10, "base_missing", None, id="pd.NA base"),
        pytest.param(10, None, "current_missing", None, id="no current"),
        pytest.param(0, 10, "base_zero", 10, id="zero base: change known, rate not"),
        pytest.param(-5, 10, "base_negative", 15, id="negative base"),
    ],
)
def test_undefined_rates_say_why_and_are_never_inf_or_nan(base, current, reason, absolute):
    result = growth(base, current, years=2)
    assert result.unavailable_reason == reason
    assert result.percent is None and result.cagr_percent is None
    assert result.absolute == absolute
    assert result.reason_text("id") and result.reason_text("en")


def test_negative_current_keeps_percent_but_not_cagr():
    result = growth(10, -5, years=2)
    assert result.percent == -150
    assert result.cagr_percent is None and result.unavailable_reason == "current_negative"


def test_a_vanishing_base_gives_no_infinite_rate():
    result = growth(5e-324, 1e9)
    assert result.percent is None and result.unavailable_reason == "rate_overflow"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_reason_has_words_in_both_languages(lang):
    assert all(growth(None, 1).reason_text(lang) for _ in UNAVAILABLE_REASONS)
    assert {growth(*pair).unavailable_reason for pair in [(None, 1), (1, None), (0, 1), (-1, 1),
                                                           (1, -1), (5e-324, 1e9)]} == set(
        UNAVAILABLE_REASONS)


def test_bad_arguments_raise():
    with pytest.raises(ValueError, match="years"):
        growth(1, 2, years=0)
    with pytest.raises(ValueError, match="finite"):
        growth(math.inf, 2)
    with pytest.raises(ValueError, match="after the base year"):
        growth_between({2020: 1}, 2021, 2020)


def test_growth_between_reads_a_series_and_missing_years():
    series = pd.Series({2020: 64087.0, 2021: 92799.0, 2023: 1.0}, dtype="Float64")
    assert growth_between(series, 2020, 2021).absolute == 28712
    assert growth_between(series, 2021, 2022).unavailable_reason == "current_missing"
    assert growth_between(series, 2020, 2023).years == 3


values = st.one_of(st.none(), st.just(float("nan")), st.floats(min_value=-1e9, max_value=1e9))


@given(values, values, st.integers(min_value=1, max_value=30))
def test_growth_is_never_inf_or_nan_and_always_explains_a_gap(base, current, years):
    result = growth(base, current, years)
    for rate in (result.absolute, result.percent, result.cagr_percent):
        assert rate is None or math.isfinite(rate)
    if result.percent is None or result.cagr_percent is None:
        assert result.unavailable_reason in UNAVAILABLE_REASONS


@given(st.floats(min_value=1e-3, max_value=1e9), st.floats(min_value=0, max_value=1e9),
       st.integers(min_value=1, max_value=30))
def test_rates_rebuild_the_current_value(base, current, years):
    result = growth(base, current, years)
    assert base + result.absolute == pytest.approx(current, rel=1e-9, abs=1e-6)
    assert base * (1 + result.percent / 100) == pytest.approx(current, rel=1e-9, abs=1e-6)
    compounded = base * (1 + result.cagr_percent / 100) ** years
    assert compounded == pytest.approx(current, rel=1e-6, abs=1e-6)


@given(st.integers(1, 10**6), st.integers(0, 10**6), st.integers(0, 10**6))
def test_growth_chains_multiply(first, second, third):
    one, two = growth(first, second), growth(second, third) if second else None
    if two is None:
        return
    whole = growth(first, third)
    chained = (1 + one.percent / 100) * (1 + two.percent / 100)
    assert chained == pytest.approx(1 + whole.percent / 100, rel=1e-9)
