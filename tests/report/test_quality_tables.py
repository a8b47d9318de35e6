"""Tables of the data-quality report: every row counted once, no cell value shown."""

import pytest

from ikm_analysis.clean.registry import process_registry
from ikm_analysis.report.quality_tables import quality_table, quarantine_rows_table


@pytest.fixture
def messy_registry(tmp_path):
    path = tmp_path / "ikm.csv"
    path.write_text(
        "ID,Nama Usaha,Nama Pemilik,NIK,Kelurahan,KBLI,Tahun,Status\n"
        "A1,Kue Ibu,Siti Aminah,6271010101900001,Menteng,10792,2021,aktif\n"
        "A2,Rotan Indah,Budi Santoso,6271010101900002,Tidak Ada,16299,2022,aktif\n"
        "A3,Rotan Indah,Budi Santoso,6271010101900002,Menteng,16299,2099,aktif\n",
        encoding="utf-8")
    return process_registry(path)


def test_quality_table_counts_every_row_once(messy_registry):
    values = quality_table(messy_registry, lang="en").values["rows"]
    assert values["Rows received"] == values["Rows accepted"] + values["Rows quarantined"] == 3
    assert values["Rows quarantined"] == 2


def test_quarantine_rows_table_shows_no_cell_values(messy_registry):
    table = quarantine_rows_table(messy_registry, lang="id")
    printed = " ".join(table.text.astype(str).to_numpy().ravel())
    assert "Tidak Ada" not in printed and "Budi Santoso" not in printed
    assert "6271010101900002" not in printed
    assert set(table.text.columns) == {"Baris (seperti di Excel)", "Kolom", "Alasan"}  # a CSV


def test_reasons_are_words_without_codes_or_placeholders_and_workbook_rows_name_the_sheet():
    from ikm_analysis.report.inputs import load_report_registry
    from ikm_analysis.report.quality_tables import quarantine_by_column_table

    registry = load_report_registry(None)
    for lang in ("id", "en"):
        counts = " ".join(quality_table(registry.processed, registry.synthetic_rows, lang)
                          .text.iloc[:, 0])
        assert " …" not in counts and "(duplicate_row)" not in counts and "_" not in counts
        by_column = quarantine_by_column_table(registry.processed, lang).text.iloc[:, 0]
        assert "—" not in set(by_column)
    rows = quarantine_rows_table(registry.processed, "id").text
    assert list(rows.columns[:2]) == ["Lembar", "Baris (seperti di Excel)"]
    assert set(rows["Lembar"]) == {"Data IKM"}
