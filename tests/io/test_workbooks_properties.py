"""Workbooks as offices make them: every record of every registry sheet read, none lost.

Hypothesis writes workbooks with several sheets (some of them summaries or notes), title rows,
blank rows and kelurahan merged down over their rows, then checks that the records read are the
rows a person would count, that rows in = clean + quarantined, that each record keeps its sheet
and row, and that a merged kelurahan is read on every row it covers. A second test feeds damaged
bytes of real files to the reader: it may refuse them, never crash.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ikm_analysis.clean.options import CleaningOptions
from ikm_analysis.clean.registry import process_registry
from ikm_analysis.exceptions import InputFileError
from ikm_analysis.io.read import read_registry

HEADER = ["No", "No. Reg", "Nama Usaha", "Kelurahan", "KBLI", "Tahun", "Status"]
KELURAHAN = ["Menteng", "Pager", "Langkai", "Tidak Ada"]  # the last is unknown: quarantined
STATUS = ["aktif", "Tutup", "buka"]  # "buka" is no status word: quarantined


@st.composite
def sheets(draw, name: str):
    """A registry sheet: (name, title rows, records, merged runs of one kelurahan)."""
    titles = draw(st.integers(0, 3))
    runs = draw(st.lists(st.tuples(st.sampled_from(KELURAHAN), st.integers(1, 4)),
                         min_size=1, max_size=5))
    records = []
    for kelurahan, length in runs:
        for _ in range(length):
            records.append({"kelurahan": kelurahan,
                            "status": draw(st.sampled_from(STATUS)),
                            "kbli": draw(st.sampled_from(["10792", "47111", "16299"])),
                            "year": draw(st.sampled_from([2019, 2023, 2031]))})
    merged = draw(st.booleans())
    blank_after = draw(st.sets(st.integers(0, len(records) - 1), max_size=2))
    return name, titles, records, [length for _, length in runs], merged, blank_after


@st.composite
def workbooks(draw):
    count = draw(st.integers(1, 3))
    registry = [draw(sheets(f"Kec {n}")) for n in range(count)]
    summary_first = draw(st.booleans())
    return registry, summary_first


def _write(path, registry, summary_first) -> dict[str, list[tuple[int, str]]]:
    """Write the workbook; return per sheet the (row, kelurahan) of each record."""
    book = Workbook()
    book.remove(book.active)
    if summary_first:
        rekap = book.create_sheet("REKAP")
        rekap.append(["Kecamatan", "Jumlah IKM"])
        rekap.append(["Pahandut", 12])
    expected: dict[str, list[tuple[int, str]]] = {}
    serial = 0
    for name, titles, records, runs, merged, blank_after in registry:
        sheet = book.create_sheet(name)
        for number in range(titles):
            sheet.append([f"DAFTAR IKM (DATA FIKTIF) {number}"])
        sheet.append(HEADER)
        rows, start = [], 0
        for length in runs:
            first_row = None
            for offset in range(length):
                record = records[start + offset]
                serial += 1
                cells = [serial, f"R-{serial:04d}", f"Usaha {serial}", record["kelurahan"],
                         record["kbli"], record["year"], record["status"]]
                if merged and offset > 0:
                    cells[3] = None  # Excel keeps a merged range's value in its first cell
                sheet.append(cells)
                row = sheet.max_row
                first_row = first_row or row
                rows.append((row, record["kelurahan"]))
                if start + offset in blank_after and offset == length - 1:
                    sheet.append([])  # a blank row between runs, never inside a merged one
            if merged and length > 1:
                sheet.merge_cells(start_row=first_row, start_column=4, end_row=rows[-1][0],
                                  end_column=4)
            start += length
        expected[name] = rows
    book.save(path)
    return expected


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow,
                                                  HealthCheck.function_scoped_fixture])
@given(workbooks())
def test_every_record_of_every_sheet_is_read_and_placed(tmp_path, workbook):
    registry, summary_first = workbook
    path = tmp_path / "ikm.xlsx"
    expected = _write(path, registry, summary_first)
    processed = process_registry(path, options=CleaningOptions(max_year=2024))
    summary = processed.summary()
    total = sum(len(rows) for rows in expected.values())
    assert summary["rows_read"] == total
    assert summary["rows_clean"] + summary["rows_quarantined"] == total
    assert set(summary["sheets_read"]) == set(expected)
    if summary_first:
        assert summary["sheets_skipped"] == {"REKAP": "no_header"}
    raw = processed.raw
    places = set(zip(raw.source_sheets(), raw.source_rows(), strict=True))
    assert places == {(name, row) for name, rows in expected.items() for row, _ in rows}
    # merged cells read as Excel shows them: the kelurahan on every row of its range
    assert raw.frame["kelurahan"].tolist() == [kelurahan for rows in expected.values()
                                               for _, kelurahan in rows]


def _valid_files() -> dict[str, bytes]:
    """Two small valid files, built once so every Hypothesis example damages the same bytes.

    (openpyxl stamps the save time into the workbook: rebuilt per example, its length could
    change between examples and Hypothesis would see a different strategy.)
    """
    csv_bytes = b"ID;Nama Usaha;Kel.;KBLI\nA1;Kue;Menteng;10792\nA2;Roti;Pager;10710\n"
    book = Workbook()
    book.active.append(["ID", "Nama Usaha", "Kel.", "KBLI"])
    book.active.append(["A1", "Kue", "Menteng", "10792"])
    book.properties.created = book.properties.modified = datetime(2024, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return {"ikm.csv": csv_bytes, "ikm.xlsx": buffer.getvalue()}


VALID_FILES = _valid_files()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["ikm.csv", "ikm.xlsx"]), st.data())
def test_damaged_bytes_are_refused_or_read_never_a_crash(tmp_path, name, data):
    original = VALID_FILES[name]
    cut = data.draw(st.integers(0, len(original)))
    flips = data.draw(st.lists(st.tuples(st.integers(0, max(len(original) - 1, 0)),
                                         st.integers(0, 255)), max_size=4))
    damaged = bytearray(original[:cut] if data.draw(st.booleans()) else original)
    for position, value in flips:
        if position < len(damaged):
            damaged[position] = value
    path = tmp_path / f"damaged_{name}"
    path.write_bytes(bytes(damaged))
    try:
        raw = read_registry(path)
    except InputFileError as error:
        assert path.name in error.message("id")
        return
    assert raw.rows_read >= 0


def test_a_zip_that_is_no_workbook_is_refused(tmp_path):
    path = tmp_path / "ikm.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(InputFileError, match="no Excel workbook"):
        read_registry(path)
