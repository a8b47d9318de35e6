import math

import pandas as pd
import pytest

from ikm_analysis.growth import UNAVAILABLE_REASONS, growth, growth_between


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


def test_every_reason_has_both_languages():
    assert all(set(texts) == {"id", "en"} for texts in UNAVAILABLE_REASONS.values())


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
