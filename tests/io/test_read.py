import zipfile

import pandas as pd
import pytest
from conftest import MESSY_ROWS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ikm_analysis.exceptions import InputFileError, MissingColumnsError
from ikm_analysis.io.parquet_file import _all_cells_missing
from ikm_analysis.io.read import read_registry
from ikm_analysis.io.schema import COLUMNS_BY_NAME

HEADER = "ID;Nama Usaha;Kel.;KBLI;Tahun;Status"


def test_csv_header_below_title_rows_semicolons(tmp_path):
    path = tmp_path / "ikm.csv"
    path.write_text(
        "REKAP IKM;;;;;\n"        # title row
        ";;;;;\n"                  # empty row above the header
        f"{HEADER};Catatan\n"
        "A1;Kue;Menteng;10792;2021;aktif;-\n"
        ";;;;;\n"                  # blank row inside the data: skipped and counted
        "A2;Rotan;Pager;16299;2020;aktif\n",  # short row: missing cells are empty
        encoding="utf-8",
    )
    raw = read_registry(path)
    assert (raw.header_row, raw.delimiter, raw.encoding) == (3, ";", "utf-8")
    assert raw.frame.index.tolist() == [4, 6]
    assert raw.blank_rows == 1
    assert raw.ignored_headers == ("Catatan",)
    assert raw.frame.loc[6, "unit_id"] == "A2"
    assert raw.headers["kelurahan"] == "Kel."


def test_csv_in_windows_1252_is_read(tmp_path):
    path = tmp_path / "ikm.csv"
    text = "ID,Nama Usaha,Kelurahan,KBLI,Tahun,Status\nA1,Café Ré,Menteng,10792,2021,aktif\n"
    path.write_bytes(text.encode("cp1252"))
    raw = read_registry(path)
    assert raw.encoding == "cp1252"
    assert raw.frame.iloc[0]["business_name"] == "Café Ré"


def test_total_rows_are_marked(tmp_path):
    path = tmp_path / "ikm.csv"
    path.write_text(f"No;{HEADER}\n1;A1;Kue;Menteng;10792;2021;aktif\nJumlah;;;;;;\n"
                    "TOTAL;1;;;;;\n", encoding="utf-8")
    assert read_registry(path).total_rows == (3, 4)


def test_messy_workbook_finds_the_data_sheet(messy_xlsx):
    raw = read_registry(messy_xlsx)
    assert raw.sheet == "Data IKM"
    assert raw.header_row == 5
    assert raw.frame.index.tolist() == [row for row, _, _ in MESSY_ROWS]
    assert raw.blank_rows == 1
    assert raw.total_rows == (22,)
    assert raw.ignored_headers == ("No",)
    # cells keep their Excel types: numbers stay numbers, text stays text
    assert raw.frame.loc[7, "investment_rp"] == 2500000
    assert raw.frame.loc[6, "investment_rp"] == "Rp 15.000.000"


def test_sheet_can_be_named_and_a_wrong_name_lists_the_sheets(messy_xlsx):
    assert read_registry(messy_xlsx, sheet="Data IKM").sheet == "Data IKM"
    with pytest.raises(InputFileError, match="Keterangan, Data IKM"):
        read_registry(messy_xlsx, sheet="Sheet1")
    with pytest.raises(InputFileError, match=r"\[Keterangan\]: no header row"):
        read_registry(messy_xlsx, sheet="Keterangan")


def test_parquet_columns_are_mapped(tmp_path):
    path = tmp_path / "ikm.parquet"
    pd.DataFrame({"ID": ["A1", None], "Nama Usaha": ["Kue", None], "Kelurahan": ["Menteng", None],
                  "KBLI": ["10792", None], "Tahun": [2021, None], "Status": ["aktif", None],
                  "Jml TK": [3, None]}).to_parquet(path)
    raw = read_registry(path)
    assert raw.frame.index.tolist() == [1]
    assert raw.blank_rows == 1
    assert raw.frame.loc[1, "workers_count"] == 3


def test_parquet_leaves_personal_columns_in_the_file_and_reads_codes_as_categories(tmp_path):
    path = tmp_path / "ikm.parquet"
    pd.DataFrame({"ID": ["A1", "A2", "A3"], "Nama Usaha": ["Kue", "Mebel", "Batik"],
                  "NIK": ["9900000000000001", None, "9900000000000003"],
                  "Kelurahan": ["Menteng", "Pager", "Menteng"], "KBLI": ["10792"] * 3,
                  "Tahun": [2021, 2020, 2019], "Status": ["aktif"] * 3}).to_parquet(path)
    raw = read_registry(path)
    assert "owner_nik" not in raw.frame.columns
    assert raw.columns[-1] == "owner_nik" and raw.deferred.columns == {"owner_nik": "NIK"}
    assert isinstance(raw.frame["kelurahan"].dtype, pd.CategoricalDtype)
    assert raw.frame["unit_id"].dtype == "string"  # nearly unique: stays text
    cells = raw.cells([3, 1, 3], ["unit_id", "owner_nik"])
    assert cells.index.tolist() == [3, 1, 3]
    assert cells.to_numpy().tolist() == [["A3", "9900000000000003"], ["A1", "9900000000000001"],
                                         ["A3", "9900000000000003"]]


def test_deferred_cells_are_not_read_from_a_changed_file(tmp_path):
    path = tmp_path / "ikm.parquet"
    table = pd.DataFrame({"ID": ["A1"], "Nama Usaha": ["Kue"], "Nama Pemilik": ["CONTOH Siti"],
                          "Kelurahan": ["Menteng"], "KBLI": ["10792"], "Tahun": [2021],
                          "Status": ["aktif"]})
    table.to_parquet(path)
    raw = read_registry(path)
    assert raw.cells([1], ["owner_name"]).iloc[0, 0] == "CONTOH Siti"
    table.assign(**{"Nama Pemilik": ["CONTOH Budi Santoso"]}).to_parquet(path)
    with pytest.raises(InputFileError, match="changed since it was read"):
        raw.cells([1], ["owner_name"])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("nope.csv", None, "file not found", id="missing"),
        pytest.param("ikm.csv", b"", "the file is empty", id="empty"),
        pytest.param("ikm.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
                     "workbook is damaged", id="old-excel-damaged"),
        pytest.param("ikm.pdf", b"%PDF-1.4\x00\x01\x02\x03" * 40, "not a registry file",
                     id="binary"),
        pytest.param("ikm.xlsx", b"PK\x03\x04not a zip", "no Excel workbook, or it is damaged",
                     id="xlsx"),
        pytest.param("ikm.parquet", b"PAR1not parquet", "cannot be read as Parquet", id="parquet"),
        pytest.param("ikm.csv", b"a,b\n1,2\n", "no header row", id="no-header"),
        pytest.param("ikm.json", b"{}", "no header row", id="json-is-text"),
        pytest.param("ikm.csv", b"ID,Nama Usaha,Kel.,KBLI\n", "not a single data row",
                     id="header-only"),
    ],
)
def test_unreadable_files_name_the_file_and_the_problem(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputFileError, match=message) as error:
        read_registry(path)
    assert name in str(error.value)


def test_missing_columns_are_listed_by_name(tmp_path):
    path = tmp_path / "ikm.csv"
    path.write_text("ID,Nama Usaha,Kecamatan,Status\nA1,Kue,Pahandut,aktif\n", encoding="utf-8")
    with pytest.raises(MissingColumnsError) as error:
        read_registry(path)
    assert error.value.missing == ("kelurahan", "kbli_code/category")
    message = error.value.message("id")  # in the office's words, with the headers found
    assert "Kelurahan" in message and "KBLI atau Jenis Produk" in message
    assert "'Kecamatan'" in message and "kbli_code" not in message


def test_two_columns_with_the_same_meaning_follow_the_priority_rule(tmp_path):
    path = tmp_path / "ikm.csv"
    path.write_text("ID,Nama Usaha,Kel.,Kelurahan,KBLI,Tahun,Status\n"
                    "A1,Kue,Menteng,Pager,10792,2021,aktif\n", encoding="utf-8")
    raw = read_registry(path)
    # "Kel." is "Kelurahan" abbreviated: of two equal names, the left one is read
    assert raw.frame["kelurahan"].tolist() == ["Menteng"]
    fates = {fate.header: (fate.fate, fate.detail) for _, fate in raw.column_fates}
    assert fates["Kelurahan"] == ("duplicate", "Kel.")
    # of two addresses, the business's comes first among the accepted names
    path.write_text("Alamat Pemilik,Nama Usaha,Alamat Usaha,Kel.,KBLI\n"
                    "Jl. Rumah,Kue,Jl. Pasar,Menteng,10792\n", encoding="utf-8")
    raw = read_registry(path)
    assert raw.cells(raw.frame.index, ["address"])["address"].tolist() == ["Jl. Pasar"]


def test_directory_is_not_a_file(tmp_path):
    with pytest.raises(InputFileError, match="a folder, not a file"):
        read_registry(tmp_path)


def test_xlsx_zip_without_workbook_is_refused(tmp_path):
    path = tmp_path / "ikm.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputFileError, match="Excel"):
        read_registry(path)


# --- property: whatever the title rows, separator and header spelling, cells come back -------



HEADER_CHOICES = {name: list(COLUMNS_BY_NAME[name].aliases) for name in
                  ("unit_id", "business_name", "kelurahan", "kbli_code", "year_registered",
                   "status", "workers_count")}
CELL_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("C", "Zl", "Zp")),
                    max_size=12).filter(lambda s: s.strip() == s)


@st.composite
def csv_exports(draw):
    headers = {name: draw(st.sampled_from(choices)) for name, choices in HEADER_CHOICES.items()}
    titles = draw(st.lists(st.sampled_from(["DATA IKM", "Keadaan Desember 2024", ""]),
                           max_size=4))
    rows = draw(st.lists(st.lists(CELL_TEXT, min_size=len(headers), max_size=len(headers)),
                         max_size=8))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig"]))
    return headers, titles, rows, delimiter, encoding


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(csv_exports())
def test_csv_cells_survive_any_layout(tmp_path, export):
    import csv
    import io

    headers, titles, rows, delimiter, encoding = export
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    for title in titles:
        writer.writerow([title])
    writer.writerow(list(headers.values()))
    writer.writerows(rows)
    path = tmp_path / "ikm.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    non_blank = [(number, row) for number, row in enumerate(rows, start=len(titles) + 2)
                 if any(cell.strip() for cell in row)]
    if not non_blank:  # a header and nothing below it: nothing to read, said so
        with pytest.raises(InputFileError, match="not a single data row"):
            read_registry(path)
        return

    raw = read_registry(path)
    assert raw.delimiter == delimiter
    assert raw.header_row == len(titles) + 1
    assert raw.frame.index.tolist() == [number for number, _ in non_blank]
    assert raw.blank_rows == len(rows) - len(non_blank)
    for number, row in non_blank:
        # an empty cell is read as missing, whatever the file wrote for it
        assert raw.frame.loc[number, list(headers)].tolist() == [cell or None for cell in row]


@given(st.lists(st.lists(st.one_of(st.none(), st.just("x")), min_size=3, max_size=3),
                max_size=12))
def test_all_cells_missing_equals_pandas(rows):
    frame = pd.DataFrame(rows, columns=["a", "b", "c"], dtype=object,
                         index=pd.RangeIndex(2, 2 + len(rows)))
    pd.testing.assert_series_equal(_all_cells_missing(frame), frame.isna().all(axis=1))
