import json

import pandas as pd

from ikm_analysis.metrics.headline import headline_figures

MENTENG, PAGER = "62.71.03.1002", "62.71.05.1005"

UNITS = pd.DataFrame({
    "kelurahan_code": [MENTENG, MENTENG, PAGER, PAGER],
    "year_registered": pd.array([2019, 2021, 2020, 2018], dtype="Int64"),
    "year_closed": pd.array([None, None, 2021, None], dtype="Int64"),
    "status": ["aktif", "aktif", "tidak_aktif", "aktif"],
    "is_sentra_member": pd.array([True, True, False, None], dtype="boolean"),
    "workers_count": pd.array([2, 5, 1, None], dtype="Int64"),
})


def test_headline_figures_of_a_year():
    figures = headline_figures(UNITS, 2021)
    assert figures["active_units"] == 3 and figures["active_units_previous"] == 3
    assert (figures["opened"], figures["closed"], figures["change"]) == (1, 1, 0)
    assert figures["change_percent"] == 0.0
    assert (figures["kelurahan_with_units"], figures["kelurahan_total"]) == (2, 30)
    assert (figures["kelurahan_with_sentra"], figures["kelurahan_without_sentra"]) == (1, 29)
    assert figures["sentra_members"] == 2
    assert (figures["workers_total"], figures["workers_reported"]) == (7, 2)


def test_first_year_has_no_rate_and_says_why():
    figures = headline_figures(UNITS, 2018)
    assert figures["active_units_previous"] == 0 and figures["change_percent"] is None
    assert figures["change_unavailable_reason"] == "base_zero"


def test_figures_are_plain_json_values():
    text = json.dumps(headline_figures(UNITS, 2021), sort_keys=True)
    assert json.loads(text)["year"] == 2021
