"""Which registry a report reads, and which years it can report."""

import pytest

from ikm_analysis.report.inputs import load_report_registry

CSV = ("ID,Nama Usaha,Kelurahan,KBLI,Tahun,Tahun Tutup,Status\n"
       "A1,Kue Ibu,Menteng,10792,2019,,aktif\n"
       "A2,Rotan Indah,Menteng,16299,2022,,aktif\n"
       "A3,Roti,Menteng,10792,2023,2023,tidak aktif\n"
       "A4,Salah,Menteng,10792,2030,,aktif\n")


@pytest.fixture(scope="module")
def sample():
    return load_report_registry(None)


def test_the_bundled_sample_is_synthetic_and_describes_2024(sample):
    assert sample.is_synthetic
    assert (sample.export_year, sample.status_year) == (2024, 2024)
    assert sample.data_years() == (2005, 2024)


def test_report_years_default_to_five_and_extend_on_request(sample):
    assert sample.report_years() == [2020, 2021, 2022, 2023, 2024]
    assert sample.report_years(first_year=2000)[0] == 2005


def test_row_counts_account_for_every_row(sample):
    counts = sample.row_counts()
    assert counts["rows_read"] == counts["rows_clean"] + counts["rows_quarantined"]


def test_a_real_export_is_not_synthetic_and_uses_the_export_year(tmp_path):
    path = tmp_path / "ikm.csv"
    path.write_text(CSV, encoding="utf-8")
    registry = load_report_registry(path, export_year=2024)
    assert not registry.is_synthetic
    assert registry.export_year == 2024
    assert registry.status_year == 2023
    assert registry.row_counts()["rows_quarantined"] == 1  # 2030 is after the export year
    assert registry.report_years() == [2019, 2020, 2021, 2022, 2023]
