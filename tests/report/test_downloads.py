"""The downloadable tables: the record, the workbook, the CSV zip, the links (no kernel here)."""

from __future__ import annotations

import io
import types
import zipfile
from datetime import datetime
from pathlib import Path

import nbformat
import openpyxl
import pandas as pd
import pytest

from ikm_analysis.i18n import text
from ikm_analysis.report import downloads
from ikm_analysis.report.build import export_html
from ikm_analysis.report.downloads import (
    TABLES_TAG,
    csv_files,
    csv_zip_bytes,
    download_links_html,
    download_names,
    read_tables,
    record_tables,
    sheet_names,
    tables_record,
    with_download_links,
    workbook_bytes,
    write_downloads,
)
from ikm_analysis.report.table import TOTAL, ReportTable

REGISTRY = types.SimpleNamespace(path=Path("/somewhere/registri_uji.csv"), is_synthetic=True)


def _units_table() -> ReportTable:
    values = pd.DataFrame({"units": pd.array([1548, pd.NA, None, 1550], dtype="Int64")},
                          index=["pangan", "kayu", "lainnya", TOTAL])
    shown = pd.DataFrame({
        "Kategori produk": ["Pangan", "Kayu", "Lainnya", "Jumlah"],  # row labels
        "Unit aktif 2024": ["1.548", "x", "–", "1.550"],  # a hidden cell, a missing value
        "Perubahan (%)": ["+2,6", "x", "−0,4", "+1,9"],  # signed, one decimal
    })
    return ReportTable("unit-menurut-kategori", values, shown, ["x = disembunyikan."])


def _published_table() -> ReportTable:
    shown = pd.DataFrame({
        "Tahun": ["2020", "2021"],  # years: numbers without thousands separators
        "Sumber": ["=HYPERLINK(\"http://x\")", "BPS"],  # a formula-like cell
    })
    return ReportTable("seri-umkm-kalteng", shown, shown, is_list=True)


@pytest.fixture
def record() -> dict:
    return tables_record("Laporan IKM 2024", [_units_table(), _published_table()], "id",
                         REGISTRY)


def _sheet_rows(workbook: bytes, name: str) -> list[list[object]]:
    sheet = openpyxl.load_workbook(io.BytesIO(workbook))[name]
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


# --- tables_record, record_tables, read_tables

def test_the_record_keeps_printed_cells_notes_and_the_registry_name(record):
    first = record["tables"][0]
    assert first["title"] == text("section_categories", "id")
    assert first["sheet"] == "Unit per kategori" and first["source"] == "registry"
    assert first["rows"][1] == ["Kayu", "x", "x"]  # hidden cells stay x
    assert first["notes"] == ["x = disembunyikan."]
    assert record["registry_file"] == "registri_uji.csv"  # the name only, never its folder
    assert record["synthetic"] is True and record["lang"] == "id"
    assert record["tables"][1]["source"] == "published"


def test_the_record_is_in_the_report_language():
    record = tables_record("IKM report", [_units_table()], "en")
    assert record["tables"][0]["sheet"] == "Units by category"
    assert (record["registry_file"], record["synthetic"]) == (None, False)


@pytest.mark.parametrize("tables, message", [
    pytest.param([ReportTable("tabel-baru", pd.DataFrame(), pd.DataFrame())], "no title",
                 id="unknown id"),
    pytest.param([_units_table(), _units_table()], "given twice", id="repeated id"),
])
def test_the_record_refuses_tables_it_cannot_name(tables, message):
    with pytest.raises(ValueError, match=message):
        tables_record("Laporan", tables)


def test_every_report_table_has_a_title_and_a_sheet_name_in_both_languages():
    for lang in ("id", "en"):
        for title_key, sheet_key, source in downloads.TABLES.values():
            assert text(title_key, lang) and len(text(sheet_key, lang)) <= 31
            assert source in ("registry", "published")


def test_the_notebook_cell_shows_the_record_and_the_build_reads_it_back(record, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda data, raw: shown.append(data))
    record_tables(record)
    assert shown[0]["application/json"] == record
    assert shown[0]["text/plain"].splitlines()[0] == f"- {record['tables'][0]['title']}"
    cell = nbformat.v4.new_code_cell("", metadata={"tags": [TABLES_TAG]})
    cell.outputs = [nbformat.v4.new_output("display_data", data=shown[0])]
    assert read_tables(nbformat.v4.new_notebook(cells=[cell])) == record


def test_reading_a_notebook_without_the_cell_is_an_error():
    with pytest.raises(ValueError, match="tagged 'tables'"):
        read_tables(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
            "", metadata={"tags": ["provenance"]})]))


# --- sheet_names

@pytest.mark.parametrize("titles, expected", [
    pytest.param(["Angka utama", "Kualitas data"], ["Angka utama", "Kualitas data"], id="as is"),
    pytest.param(["Versi lain", "VERSI LAIN", "versi lain"],
                 ["Versi lain", "VERSI LAIN (2)", "versi lain (3)"], id="case-blind collision"),
    pytest.param(["a" * 40, "a" * 35], ["a" * 31, "a" * 27 + " (2)"], id="collision after cut"),
    pytest.param(["TK/investasi: [Rp]?*\\", "'kutip'"], ["TK-investasi- -Rp----", "kutip"],
                 id="forbidden characters"),
    pytest.param([""], ["-"], id="empty"),
])
def test_sheet_names_are_what_excel_accepts(titles, expected):
    names = sheet_names(titles)
    assert names == expected
    assert all(len(name) <= 31 for name in names)
    assert len({name.casefold() for name in names}) == len(names)


# --- workbook_bytes

def test_a_sheet_per_table_with_title_header_rows_notes_and_source(record):
    workbook = workbook_bytes(record)
    assert openpyxl.load_workbook(io.BytesIO(workbook)).sheetnames == [
        "Unit per kategori", "Seri UMKM Kalteng"]
    rows = _sheet_rows(workbook, "Unit per kategori")
    assert rows[0][0] == text("section_categories", "id")
    assert rows[1] == ["Kategori produk", "Unit aktif 2024", "Perubahan (%)"]
    assert rows[2:6] == [["Pangan", 1548, 2.6], ["Kayu", "x", "x"],
                         ["Lainnya", "–", -0.4], ["Jumlah", 1550, 1.9]]
    footer = [row[0] for row in rows[6:]]
    assert footer == [None, "Catatan: x = disembunyikan.",
                      "Sumber: Laporan IKM 2024; diolah dari registri registri_uji.csv dengan "
                      "ikm-analysis.", text("synthetic_banner", "id")]


def test_numbers_keep_the_decimals_and_signs_the_report_prints(record):
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes(record)))["Unit per kategori"]
    assert sheet["B3"].number_format == "#,##0"
    assert sheet["C3"].number_format == '+#,##0.0;"−"#,##0.0;#,##0.0'
    years = openpyxl.load_workbook(io.BytesIO(workbook_bytes(record)))["Seri UMKM Kalteng"]
    assert (years["A3"].value, years["A3"].number_format) == (2020, "0")


def test_formula_like_text_is_defused_and_published_tables_name_their_source(record):
    rows = _sheet_rows(workbook_bytes(record), "Seri UMKM Kalteng")
    assert rows[2][1] == "'=HYPERLINK(\"http://x\")"  # text, not a formula
    assert rows[-1][0].startswith("Sumber: Laporan IKM 2024; angka terbitan")
    assert text("synthetic_banner", "id") not in [row[0] for row in rows]  # real figures


def test_a_label_column_keeps_a_label_that_looks_like_a_number():
    shown = pd.DataFrame({"Kolom": ["NIK", "2024", "Kelurahan"], "Baris": ["3", "1", "2"]})
    record = tables_record("Kualitas", [ReportTable("karantina-per-kolom", shown, shown)])
    rows = _sheet_rows(workbook_bytes(record), "Masalah per kolom")
    assert rows[2:5] == [["NIK", 3], ["2024", 1], ["Kelurahan", 2]]


def test_english_numbers_are_read_with_english_separators():
    shown = pd.DataFrame({"Year": ["2021"], "UMKM": ["92,799"], "Change (%)": ["+44.8"]})
    record = tables_record("UMKM", [ReportTable("seri-umkm-kalteng", shown, shown)], "en")
    assert _sheet_rows(workbook_bytes(record), "UMKM series Kalteng")[2] == [2021, 92799, 44.8]


def test_an_empty_table_is_a_sheet_with_its_header():
    shown = pd.DataFrame({"Baris": pd.Series([], dtype=object)})
    record = tables_record("Kualitas", [ReportTable("baris-karantina", shown, shown)])
    assert _sheet_rows(workbook_bytes(record), "Baris dikarantina")[1] == ["Baris"]


def _another_clock(monkeypatch):
    later = datetime(2031, 5, 6, 7, 8, 9)
    monkeypatch.setattr("openpyxl.writer.excel.datetime", types.SimpleNamespace(
        datetime=types.SimpleNamespace(now=lambda tz=None: later),
        timezone=types.SimpleNamespace(utc=None)))
    monkeypatch.setattr("time.time", lambda: later.timestamp())


def test_the_same_tables_give_the_same_bytes_at_any_time(record, monkeypatch):
    workbook, archive = workbook_bytes(record), csv_zip_bytes(record)
    _another_clock(monkeypatch)
    assert workbook_bytes(record) == workbook
    assert csv_zip_bytes(record) == archive
    for content in (workbook, archive):
        with zipfile.ZipFile(io.BytesIO(content)) as opened:
            assert {entry.date_time for entry in opened.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    with zipfile.ZipFile(io.BytesIO(workbook)) as opened:
        core = opened.read("docProps/core.xml").decode()
    assert "1980-01-01T00:00:00Z" in core and "2031" not in core


# --- csv_files, csv_zip_bytes

def test_csv_files_open_in_an_indonesian_excel(record):
    files = csv_files(record)
    assert sorted(files) == ["01_unit_per_kategori.csv", "02_seri_umkm_kalteng.csv",
                             "catatan.txt"]
    content = files["01_unit_per_kategori.csv"]
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    assert content.decode("utf-8-sig").splitlines() == [
        "Kategori produk;Unit aktif 2024;Perubahan (%)",
        "Pangan;1548;2,6", "Kayu;x;x", "Lainnya;–;-0,4", "Jumlah;1550;1,9"]
    assert files["02_seri_umkm_kalteng.csv"].decode("utf-8-sig").splitlines()[1] == (
        "2020;\"'=HYPERLINK(\"\"http://x\"\")\"")


def test_the_notes_file_holds_titles_notes_sources_and_the_synthetic_line(record):
    notes = csv_files(record)["catatan.txt"].decode("utf-8-sig")
    assert notes.startswith(text("download_csv_format", "id"))
    assert f"01_unit_per_kategori.csv: {text('section_categories', 'id')}" in notes
    assert "Catatan: x = disembunyikan." in notes
    assert notes.count(text("synthetic_banner", "id")) == 1  # the registry table only


def test_english_csv_files_use_commas_and_decimal_points():
    shown = pd.DataFrame({"Category": ["Food, drinks"], "Units": ["1,548"],
                          "Change (%)": ["+2.6"]})
    record = tables_record("IKM report", [ReportTable("unit-menurut-kategori", shown, shown)],
                           "en")
    files = csv_files(record)
    assert sorted(files) == ["01_units_by_category.csv", "notes.txt"]
    assert files["01_units_by_category.csv"].decode("utf-8-sig").splitlines()[1] == (
        '"Food, drinks",1548,2.6')
    assert "Source: IKM report." in files["notes.txt"].decode("utf-8-sig")


def test_the_zip_holds_the_csv_files(record):
    with zipfile.ZipFile(io.BytesIO(csv_zip_bytes(record))) as opened:
        assert {name: opened.read(name) for name in opened.namelist()} == csv_files(record)


# --- file names, writing, links

def test_download_names_and_files_written_beside_the_html(record, tmp_path):
    assert download_names("kualitas_data_registri") == (
        "kualitas_data_registri_tabel.xlsx", "kualitas_data_registri_tabel_csv.zip")
    written = write_downloads(record, tmp_path, "laporan_ikm_2024")
    assert written == [tmp_path / "laporan_ikm_2024_tabel.xlsx",
                       tmp_path / "laporan_ikm_2024_tabel_csv.zip"]
    assert written[0].read_bytes() == workbook_bytes(record)
    assert written[1].read_bytes() == csv_zip_bytes(record)


def test_the_links_are_relative_and_in_the_report_language():
    english = download_links_html("a&b", "en")
    assert english == ('<p class="ikm-downloads">Download the tables: '
                       '<a href="a&amp;b_tabel.xlsx">XLSX</a> · '
                       '<a href="a&amp;b_tabel_csv.zip">CSV</a></p>')


def _report_notebook() -> nbformat.NotebookNode:
    cells = [nbformat.v4.new_code_cell("tabel"),
             nbformat.v4.new_code_cell("prov", metadata={"tags": ["provenance"]}),
             nbformat.v4.new_code_cell("rekam", metadata={"tags": [TABLES_TAG]})]
    cells[2].outputs = [nbformat.v4.new_output("display_data", data={
        "application/json": {"tables": []}, "text/plain": "- RAHASIA_DAFTAR_TABEL"})]
    return nbformat.v4.new_notebook(cells=cells)


def test_the_links_go_before_the_provenance_block_of_a_copy():
    notebook = _report_notebook()
    page = with_download_links(notebook, "laporan_ikm_2024")
    assert [cell.source for cell in page.cells][1:3] == [
        "# download links, added by the build", "prov"]
    assert len(notebook.cells) == 3  # the executed notebook is not changed
    untagged = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x")])
    assert with_download_links(untagged, "x").cells[-1].id == "download-links"


def test_the_html_shows_the_links_but_not_the_tables_cell():
    page = export_html(with_download_links(_report_notebook(), "laporan_ikm_2024"), "Uji")
    assert download_links_html("laporan_ikm_2024") in page
    assert "RAHASIA_DAFTAR_TABEL" not in page
