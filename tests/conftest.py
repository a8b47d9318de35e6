"""Shared fixtures: a messy registry workbook built by the tests themselves (all data fake)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import settings
from openpyxl import Workbook

# Property tests never depend on the machine's speed (no deadline) and, by default, draw the same
# examples on every run, so CI cannot fail at random. HYPOTHESIS_PROFILE=explore lets them
# wander (new examples each run; failures found are kept in .hypothesis/ and replayed).
settings.register_profile("deterministic", deadline=None, derandomize=True, print_blob=True)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

MESSY_HEADER = [
    "No", "No. Reg", "Nama Usaha", "Nama Pemilik", "NIK", "No. HP/WA", "Alamat", "Kel.", "Kec.",
    "Kode KBLI", "Jenis Produk", "Thn. Daftar", "Tahun Tutup", "Status Usaha", "Jml. TK",
    "Nilai Investasi (Rp)", "Nilai Produksi", "Anggota Sentra",
]

# Each row: (row number in the sheet, cells, expected fate). Personal data is invented and marked.
MESSY_ROWS = [
    (6, [1, "IKM-0001", "Kue Basah Acil", "CONTOH Siti", "9900000000000001", "0800-0000-0001",
         "Jl. Contoh 1", "Kel. Menteng", "Jekan Raya", "10792", "Makanan", 2021, None, "Aktif",
         3, "Rp 15.000.000", "1,5 juta", "Ya"], "clean"),
    # alias spelling of both names; craft stated, KBLI says wood: kept, flagged as a mismatch
    (7, [2, "IKM-0002", "Anyaman Rotan Indah", "CONTOH Budi", "9900000000000002", "0800-0000-0002",
         "Jl. Contoh 2", "Kelampangan", "Sebangau", 16299, "Anyaman", 2019, None, "aktif", "5",
         2500000, "2 M", "tidak"], "clean"),
    # misspelling that is in no alias table: quarantined with a suggestion, never guessed
    (8, [3, "IKM-0003", "Mebel Jaya", "CONTOH Ani", None, None, None, "Kalampangn", "Sabangau",
         "31001", None, 2020, None, "aktif", 2, None, None, None], "unknown_kelurahan"),
    # exact copy of row 6
    (9, [1, "IKM-0001", "Kue Basah Acil", "CONTOH Siti", "9900000000000001", "0800-0000-0001",
         "Jl. Contoh 1", "Kel. Menteng", "Jekan Raya", "10792", "Makanan", 2021, None, "Aktif",
         3, "Rp 15.000.000", "1,5 juta", "Ya"], "duplicate_row"),
    # same registration number as row 7, different content
    (10, [5, "IKM-0002", "Rotan Lain", "CONTOH Eko", None, None, None, "Panarung", "Pahandut",
          "16299", None, 2022, None, "aktif", 1, None, None, None], "duplicate_unit_id"),
    # retail, not manufacturing
    (11, [6, "IKM-0006", "Toko Kelontong", "CONTOH Dewi", None, None, None, "Langkai",
          "Pahandut", "47111", None, 2022, None, "aktif", 1, None, None, None],
     "kbli_not_manufacturing"),
    # Palangka lies in Jekan Raya, not Pahandut
    (12, [7, "IKM-0007", "Batik Benang Bintik Isen", "CONTOH Rina", None, None, None, "Palangka",
          "Pahandut", "13134", "Batik", 2023, None, "aktif", 4, None, None, None],
     "kelurahan_not_in_kecamatan"),
    (13, [8, "IKM-0008", "Keripik Kelakai", "CONTOH Tono", None, None, None, "Bukit Tunggal",
          None, "10799", None, 2021, None, "buka", 2, None, None, None], "unknown_status"),
    (14, [9, "IKM-0009", "Las Listrik Maju", "CONTOH Yudi", None, None, None, "Tumbang Tahai",
          None, "25999", None, 2020, None, "aktif", "2,5", None, None, None], "not_integer"),
    # row 15 is left blank on purpose
    # a date cell as the registration year; stated category only; "Kel." prefix; no kecamatan
    (16, [10, "IKM-0010", "Mebel Sei Gohong", "CONTOH Ujang", None, None, None, "Kel. Sei Gohong",
          None, None, "Mebel", dt.datetime(2020, 8, 17), None, "aktif", 6, None, "Rp 200.000.000,-",
          "anggota"], "clean"),
    (17, [11, "IKM-0011", "Tahu Tempe Pager", "CONTOH Wati", None, None, None, "Pager", "Rakumpit",
          "10392", None, "2018", "2023", "tutup", 2, None, None, None], "clean"),
    (18, [12, "IKM-0012", "Bengkel Las", "CONTOH Ari", None, None, None, "Banturung",
          "Bukit Batu", "33120", None, 2019, 2022, "aktif", 2, None, None, None],
     "active_but_closed"),
    (19, [13, "IKM-0013", "Sasirangan Baru", "CONTOH Lia", None, None, None, "Langkai",
          "Pahandut", "14111", None, 2031, None, "aktif", 1, None, None, None],
     "year_out_of_range"),
    (20, [14, "IKM-0014", "Kerupuk Ikan", "CONTOH Roni", None, None, None, "Menteng", None,
          "10213", None, 2022, None, "aktif", 2, "-5.000", None, None], "negative_value"),
    # alias "Sungai Gohong", KBLI written with dots
    (21, [15, "IKM-0015", "Furnitur Sungai", "CONTOH Edi", None, None, None, "Sungai Gohong",
          "Bukit Batu", "31.001", None, 2024, None, "aktif", 3, None, None, None], "clean"),
    (22, ["JUMLAH", None, None, None, None, None, None, None, None, None, None, None, None, None,
          35, None, None, None], "total_row"),
]

MESSY_PERSONAL_VALUES = ["CONTOH Siti", "9900000000000001", "0800-0000-0001", "Jl. Contoh 1"]


def write_messy_workbook(path: Path) -> Path:
    """Write the messy workbook: a notes sheet first, then title rows above a variant header."""
    workbook = Workbook()
    notes = workbook.active
    notes.title = "Keterangan"
    notes.append(["Catatan: data ini fiktif (DATA SINTETIS) untuk pengujian."])
    sheet = workbook.create_sheet("Data IKM")
    sheet["A1"] = "DAFTAR INDUSTRI KECIL MENENGAH KOTA PALANGKA RAYA"
    sheet["A2"] = "Keadaan sampai dengan Desember 2024"
    sheet["A3"] = "Sumber: contoh fiktif"
    for column, header in enumerate(MESSY_HEADER, start=1):
        sheet.cell(row=5, column=column, value=header)
    for row_number, cells, _ in MESSY_ROWS:
        for column, value in enumerate(cells, start=1):
            sheet.cell(row=row_number, column=column, value=value)
    workbook.save(path)
    return path


@pytest.fixture
def messy_xlsx(tmp_path: Path) -> Path:
    """The messy workbook in a temporary folder."""
    return write_messy_workbook(tmp_path / "registri_ikm_contoh.xlsx")
