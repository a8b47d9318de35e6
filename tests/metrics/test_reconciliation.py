"""The registry beside the city's published figures."""

import pandas as pd

from ikm_analysis.metrics.activity import active_units, active_units_by_year
from ikm_analysis.metrics.reconciliation import registry_beside_published
from ikm_analysis.metrics.sentra import sentra_by_kelurahan
from ikm_analysis.report.published_tables import reconciliation_table


def _units() -> pd.DataFrame:
    return pd.DataFrame({
        "kelurahan_code": ["62.71.01.1001", "62.71.01.1002", "62.71.02.1001", "62.71.01.1001"],
        "year_registered": pd.array([2018, 2021, 2023, 2019], dtype="Int64"),
        "year_closed": pd.array([None, None, None, 2021], dtype="Int64"),
        "status": pd.Categorical(["aktif", "aktif", "aktif", "tidak aktif"]),
        "is_sentra_member": pd.array([True, True, False, True], dtype="boolean")})


def test_registry_values_are_the_active_counts_of_the_same_year():
    units = _units()
    table = registry_beside_published(units, status_year=2024).set_index("indicator")
    by_year = active_units_by_year(units, [2022, 2024], 2024)
    assert table.loc["jumlah_unit_usaha_industri", "registry"] == by_year[2022] == 2
    assert table.loc["jumlah_ikm", "registry"] == by_year[2024] == 3
    sentra_2022 = sentra_by_kelurahan(active_units(units, 2022, 2024))["has_sentra"].sum()
    assert table.loc["jumlah_sentra_ikm_terpadu_kelurahan", "registry"] == sentra_2022 == 2
    assert (table["difference"] == table["registry"] - table["published"]).all()


def test_figures_of_years_the_registry_does_not_cover_are_left_out():
    units = _units()
    assert registry_beside_published(units, 2024, years=(2023, 2024))["indicator"].tolist() == [
        "jumlah_ikm"]
    assert registry_beside_published(units, 2022)["year"].tolist() == [2022, 2022]


def test_the_table_says_why_they_differ_in_each_language_and_flags_synthetic_data():
    comparison = registry_beside_published(_units(), 2024)
    indonesian = reconciliation_table(comparison, "id", synthetic=True)
    english = reconciliation_table(comparison, "en")
    assert indonesian.text.iloc[1, 2] == "lebih dari 3.800"
    assert english.text.iloc[1, 2] == "more than 3,800"
    assert indonesian.text.iloc[0, 4] == "−4.131"
    assert all(len(reason) > 40 for reason in english.text.iloc[:, 5])
    assert any("sintetis" in note for note in indonesian.notes)
    assert not any("synthetic" in note for note in english.notes)


def test_every_comparable_figure_has_a_reason_in_both_languages():
    from ikm_analysis.i18n import LANGS, catalogue
    from ikm_analysis.metrics.reconciliation import COMPARABLE_FIGURES

    for lang in LANGS:
        assert {f"reconcile_{name}" for name, _ in COMPARABLE_FIGURES} <= set(catalogue(lang))
