"""Every yearly metric, computed on the bundled synthetic sample, agrees with itself."""

import pytest

from ikm_analysis.clean.pipeline import CleaningOptions
from ikm_analysis.clean.registry import process_registry
from ikm_analysis.metrics.activity import active_units, active_units_by_year
from ikm_analysis.metrics.breakdowns import (
    count_units,
    count_units_with_change,
    cross_count,
    reference_keys,
)
from ikm_analysis.metrics.concentration import herfindahl_by_row, location_quotients
from ikm_analysis.metrics.disclosure import disclosed_cells, suppress_small_cells
from ikm_analysis.metrics.economics import economic_summary
from ikm_analysis.metrics.growth_rates import growth_between
from ikm_analysis.sample.files import sample_paths

YEAR = 2024


@pytest.fixture(scope="module")
def clean():
    return process_registry(sample_paths().parquet, options=CleaningOptions(max_year=YEAR)).clean


@pytest.mark.parametrize("by", ["category_code", "kecamatan_code", "kelurahan_code"])
def test_breakdowns_add_up_to_the_active_total(clean, by):
    total = active_units_by_year(clean, [YEAR - 1, YEAR])
    table = count_units_with_change(clean, by, YEAR, keys=reference_keys(by))
    assert table["units"].sum() == total[YEAR]
    assert table["units_previous"].sum() == total[YEAR - 1]
    assert table["change"].sum() == total[YEAR] - total[YEAR - 1]
    assert table["share_percent"].sum() == pytest.approx(100)
    headline = growth_between(total, YEAR - 1, YEAR)
    assert headline.absolute == table["change"].sum()


def test_economics_by_category_add_up(clean):
    active = active_units(clean, YEAR)
    by_category = economic_summary(active, "category_code", reference_keys("category_code"))
    overall = economic_summary(active).iloc[0]
    for column in ("units", "workers_total", "workers_reported", "investment_rp_total"):
        assert by_category[column].sum() == pytest.approx(overall[column])
    assert overall["units"] == len(active)


def test_kelurahan_by_category_table_is_safe_to_publish(clean):
    active = active_units(clean, YEAR)
    table = cross_count(active, "kelurahan_code", "category_code",
                        reference_keys("kelurahan_code"), reference_keys("category_code"))
    result = suppress_small_cells(table)
    assert result.table.loc["Jumlah", "Jumlah"] == len(active)
    assert result.is_primary.to_numpy().any()  # the sample has small cells to protect
    assert disclosed_cells(result) == []
    by_kecamatan = cross_count(active, "kecamatan_code", "category_code",
                               reference_keys("kecamatan_code"), reference_keys("category_code"))
    hhi = herfindahl_by_row(by_kecamatan)
    assert ((hhi >= 1 / 6) & (hhi <= 1)).all()
    quotients = location_quotients(by_kecamatan)
    city_share = by_kecamatan.sum() / by_kecamatan.to_numpy().sum()
    weighted = (quotients * city_share).sum(axis=1)
    assert weighted.to_numpy() == pytest.approx([1.0] * 5)
    assert count_units(active, "kecamatan_code")["units"].tolist() == by_kecamatan.sum(
        axis=1).tolist()


def test_headline_figures_of_the_sample_match_the_calibration(clean):
    from ikm_analysis.metrics.headline import headline_figures

    figures = headline_figures(clean, YEAR)
    assert figures["active_units"] == active_units_by_year(clean, [YEAR]).iloc[0] == 3823
    assert figures["kelurahan_with_units"] == figures["kelurahan_total"] == 30
    assert (figures["kelurahan_with_sentra"], figures["kelurahan_without_sentra"]) == (23, 7)
    assert figures["change"] == figures["opened"] - figures["closed"]
