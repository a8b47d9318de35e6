"""The range of acceptable years."""

import datetime as dt

from ikm_analysis.clean.year_range import MIN_YEAR, resolve_max_year


def test_max_year_defaults_to_this_year():
    assert resolve_max_year(None) == dt.date.today().year
    assert resolve_max_year(2020) == 2020
    assert resolve_max_year(None) > MIN_YEAR
