"""A report's tables to download: one XLSX workbook (a sheet per table) and a zip of CSV files.

The notebook's last cell, tagged ``tables``, shows :func:`tables_record` of every table the
report printed (:func:`record_tables`); the build reads it back (:func:`read_tables`), writes
``<stem>_tabel.xlsx`` and ``<stem>_tabel_csv.zip`` beside the HTML (:func:`write_downloads`) and
puts a line linking them into the page (:func:`with_download_links`).

Cells are what the report prints: a hidden cell is ``x``, a value that does not exist ``–``, and
a printed number is a number (in a column mostly of numbers), with the decimals and sign the
report shows (so a sheet discloses no more than the page and its sums match it). Text that
a spreadsheet would run as a formula is defused as in the quarantine file
(:func:`ikm_analysis.io.write.neutralise_formulas`). Two builds of the same tables give the same
bytes: the workbook's and the zip's time stamps are fixed (:data:`FIXED_TIME`).

CSV layout: one file per table, its header row first and one line per table row (what a
program or Power Query reads), in UTF-8 with a BOM; Indonesian reports use ``;`` between columns
and a decimal comma, as Excel set to Indonesian opens a double-clicked CSV; English reports
``,`` and a decimal point. Titles, notes and sources of every file are in the zip's notes file
(``catatan.txt``), so the CSV files stay plain tables.

Example:
    >>> import io, openpyxl
    >>> values = pd.DataFrame({"units": pd.array([5, pd.NA, 7], dtype="Int64")})
    >>> shown = pd.DataFrame({"Kategori": ["Pangan", "Kayu", "Jumlah"], "Unit": ["5", "x", "7"]})
    >>> record = tables_record("Laporan", [ReportTable("unit-menurut-kategori", values, shown)])
    >>> sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes(record)))["Unit per kategori"]
    >>> [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2, max_row=5)]
    [['Kategori', 'Unit'], ['Pangan', 5], ['Kayu', 'x'], ['Jumlah', 7]]
"""

from __future__ import annotations

import copy
import html
import io
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ikm_analysis.i18n import check_lang, text
from ikm_analysis.io.write import neutralise_formulas
from ikm_analysis.report.display import HIDDEN, NOT_AVAILABLE
from ikm_analysis.report.kinds import download_names
from ikm_analysis.report.table import ReportTable

if TYPE_CHECKING:
    from ikm_analysis.report.inputs import ReportRegistry

TABLES_TAG = "tables"
#: The time written into every workbook and zip entry (the zip format's earliest date).
FIXED_TIME = datetime(1980, 1, 1)
#: Excel's limit on a sheet name, and the characters it refuses in one.
SHEET_NAME_LENGTH = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
#: Per table id: catalogue key of its title, of its sheet name, and where its numbers come from.
TABLES: dict[str, tuple[str, str, str]] = {
    "angka-utama": ("section_headline", "download_sheet_headline", "registry"),
    "unit-menurut-kategori": ("section_categories", "download_sheet_categories", "registry"),
    "unit-menurut-kecamatan": ("section_kecamatan", "download_sheet_kecamatan", "registry"),
    "kategori-menurut-kecamatan": ("section_cross", "download_sheet_cross", "registry"),
    "konsentrasi-per-kecamatan": ("section_concentration", "download_sheet_concentration",
                                  "registry"),
    "sentra-per-kelurahan": ("section_sentra", "download_sheet_sentra", "registry"),
    "tenaga-kerja-investasi-produksi": ("section_economics", "download_sheet_economics",
                                        "registry"),
    "kualitas-data": ("section_quality", "download_sheet_quality", "registry"),
    "angka-terbitan-kota": ("download_title_city_published", "download_sheet_city_published",
                            "published"),
    "registri-dan-angka-terbitan": ("section_reconciliation", "download_sheet_reconciliation",
                                    "registry"),
    "seri-umkm-kalteng": ("section_series", "download_sheet_series", "published"),
    "versi-lain-umkm-kalteng": ("section_conflicts", "download_sheet_conflicts", "published"),
    "karantina-per-kolom": ("download_title_quarantine_by_column",
                            "download_sheet_quarantine_by_column", "registry"),
    "baris-karantina": ("section_quarantine_rows", "download_sheet_quarantine_rows", "registry"),
}
#: Thousands and decimal separators of the printed numbers per language.
_SEPARATORS = {"id": (".", ","), "en": (",", ".")}
_CSV_SEPARATOR = {"id": ";", "en": ","}
_SIGNS = {"+": 1, "−": -1, "-": -1}


def tables_record(title: str, tables: Sequence[ReportTable], lang: str = "id",
                  registry: ReportRegistry | None = None) -> dict[str, object]:
    """The report's tables as a JSON-able record: titles, sheet names, printed cells, notes.

    Args:
        title: The report's title.
        tables: The tables the report shows, in order.
        lang: ``"id"`` or ``"en"``.
        registry: The registry the report reads (its file name and whether it is synthetic);
            ``None`` for a report of published figures only.

    Returns:
        ``title``, ``lang``, ``registry_file``, ``synthetic`` and ``tables``, a list of
        ``table_id``, ``title``, ``sheet``, ``source`` (``registry`` or ``published``),
        ``columns``, ``rows`` (printed text) and ``notes``.

    Raises:
        ValueError: A table id is not in :data:`TABLES`, or two tables have the same id.

    Example:
        >>> shown = pd.DataFrame({"Tahun": ["2020"], "UMKM": ["64.087"]})
        >>> record = tables_record("UMKM", [ReportTable("seri-umkm-kalteng", shown, shown)])
        >>> record["tables"][0]["sheet"], record["tables"][0]["rows"], record["synthetic"]
        ('Seri UMKM Kalteng', [['2020', '64.087']], False)
    """
    check_lang(lang)
    ids = [table.table_id for table in tables]
    unknown = [table_id for table_id in ids if table_id not in TABLES]
    if unknown:
        raise ValueError(f"no title for tables {unknown}: add them to downloads.TABLES")
    if len(set(ids)) != len(ids):
        raise ValueError(f"a table is given twice: {ids}")
    entries = []
    for table in tables:
        title_key, sheet_key, source = TABLES[table.table_id]
        entries.append({
            "table_id": table.table_id, "title": text(title_key, lang),
            "sheet": text(sheet_key, lang), "source": source,
            "columns": [str(name) for name in table.text.columns],
            "rows": [[NOT_AVAILABLE if pd.isna(cell) else str(cell) for cell in row]
                     for row in table.text.itertuples(index=False)],
            "notes": [str(note) for note in table.notes]})
    return {"title": title, "lang": lang,
            "registry_file": None if registry is None else registry.path.name,
            "synthetic": False if registry is None else bool(registry.is_synthetic),
            "tables": entries}


def record_tables(record: dict[str, object]) -> None:
    """Display the record in a notebook cell (tag the cell ``tables``; the HTML leaves it out)."""
    from IPython.display import display

    titles = "\n".join(f"- {table['title']}" for table in record["tables"])
    display({"application/json": record, "text/plain": titles}, raw=True)


def read_tables(notebook: object) -> dict[str, object]:
    """The record shown by the cell tagged ``tables`` of an executed notebook.

    Raises:
        ValueError: No such cell, or it showed no record.

    Example:
        >>> import nbformat
        >>> cell = nbformat.v4.new_code_cell("", metadata={"tags": [TABLES_TAG]})
        >>> cell.outputs = [nbformat.v4.new_output(
        ...     "display_data", data={"application/json": {"tables": []}})]
        >>> read_tables(nbformat.v4.new_notebook(cells=[cell]))
        {'tables': []}
    """
    from ikm_analysis.report.key_figures import tagged_output

    return json.loads(json.dumps(tagged_output(notebook, TABLES_TAG, "application/json")))


def sheet_names(titles: Sequence[str]) -> list[str]:
    """Names Excel accepts: 31 characters at most, no ``[ ] : * ? /`` or backslash, unique.

    Names are compared ignoring case, as Excel does.

    A repeated name gets `` (2)``, `` (3)`` …, shortened to fit.

    Example:
        >>> sheet_names(["Unit per kategori", "unit per kategori", "a/b", "x" * 40])
        ['Unit per kategori', 'unit per kategori (2)', 'a-b', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']
    """
    names: list[str] = []
    for title in titles:
        base = _SHEET_FORBIDDEN.sub("-", title).strip().strip("'") or "-"
        name, number = base[:SHEET_NAME_LENGTH], 1
        while name.casefold() in {taken.casefold() for taken in names}:
            number += 1
            suffix = f" ({number})"
            name = base[:SHEET_NAME_LENGTH - len(suffix)].rstrip() + suffix
        names.append(name)
    return names


@dataclass(frozen=True)
class _Number:
    """A printed number: its value and how it was printed."""

    value: int | float
    decimals: int
    signed: bool
    grouped: bool

    def excel_format(self) -> str:
        digits = "#,##0" if self.grouped else "0"
        if self.decimals:
            digits += "." + "0" * self.decimals
        return f'+{digits};"−"{digits};{digits}' if self.signed else digits

    def csv_text(self, lang: str) -> str:
        return f"{self.value:.{self.decimals}f}".replace(".", _SEPARATORS[lang][1])


def _parse_number(printed: str, lang: str) -> _Number | None:
    group, decimal = (re.escape(mark) for mark in _SEPARATORS[lang])
    match = re.fullmatch(rf"([+−-]?)(\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:{decimal}(\d+))?",
                         printed)
    if match is None:
        return None
    sign, whole, fraction = match.groups()
    digits = whole.replace(_SEPARATORS[lang][0], "")
    magnitude = float(f"{digits}.{fraction}") if fraction else int(digits)
    return _Number(_SIGNS.get(sign, 1) * magnitude, len(fraction or ""), sign in ("+", "−"),
                   len(whole) > len(digits) or abs(magnitude) < 1000)


def _cells(table: dict[str, object], lang: str) -> list[list[object]]:
    """The table's rows as written: printed numbers as :class:`_Number`, text defused.

    A column holds numbers where more than half of its cells other than ``x`` and ``–`` are
    printed numbers (a label column keeps a label that looks like a number as text).
    """
    columns = []
    for cells in zip(*table["rows"], strict=True):
        parsed = [_parse_number(cell, lang) for cell in cells]
        filled = sum(cell not in (HIDDEN, NOT_AVAILABLE, "") for cell in cells)
        numeric = 2 * sum(number is not None for number in parsed) > filled
        columns.append([number if numeric and number is not None else cell
                        for number, cell in zip(parsed, cells, strict=True)])
    rows = [list(row) for row in zip(*columns, strict=True)]
    texts = iter(_defused([cell for row in rows for cell in row
                           if not isinstance(cell, _Number)]))
    return [[cell if isinstance(cell, _Number) else next(texts) for cell in row]
            for row in rows]


def _defused(texts: Sequence[str]) -> list[str]:
    return neutralise_formulas(pd.DataFrame({"text": list(texts)}, dtype=object))["text"].tolist()


def _footer(table: dict[str, object], record: dict[str, object]) -> list[str]:
    lang = record["lang"]
    lines = [text("download_note", lang, note=note) for note in table["notes"]]
    report, registry_file = record["title"], record["registry_file"]
    if table["source"] == "published":
        lines.append(text("download_source_published", lang, report=report))
    elif registry_file is None:
        lines.append(text("download_source", lang, report=report))
    else:
        lines.append(text("download_source_registry", lang, report=report, file=registry_file))
        if record["synthetic"]:
            lines.append(text("synthetic_banner", lang))
    return lines


def _fixed_zip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """The zip again, every entry dated :data:`FIXED_TIME`, some entries' bytes replaced."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            target.writestr(_zip_info(entry.filename),
                            replace.get(entry.filename, source.read(entry.filename)))
    return out.getvalue()


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
    info.compress_type, info.create_system = zipfile.ZIP_DEFLATED, 3
    info.external_attr = 0o644 << 16
    return info


def _fill_sheet(sheet: object, table: dict[str, object], record: dict[str, object]) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    lang = record["lang"]
    bold = Font(bold=True)
    sheet.append(_defused([table["title"]]))
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append(_defused(table["columns"]))
    for cell in sheet[2]:
        cell.font, cell.fill = bold, PatternFill("solid", fgColor="F3F5F7")
    for row in _cells(table, lang):
        sheet.append([cell.value if isinstance(cell, _Number) else cell for cell in row])
        for position, cell in enumerate(row):
            if isinstance(cell, _Number):
                sheet.cell(sheet.max_row, position + 1).number_format = cell.excel_format()
    sheet.append([])
    for line in _defused(_footer(table, record)):
        sheet.append([line])
        if line == text("synthetic_banner", lang):
            sheet.cell(sheet.max_row, 1).font = Font(bold=True, color="B42318")
    for position, cells in enumerate(zip(table["columns"], *table["rows"], strict=True)):
        width = max(len(cell) for cell in cells)
        sheet.column_dimensions[get_column_letter(position + 1)].width = min(max(width, 6) + 2, 60)
    sheet.freeze_panes = "A3"


def workbook_bytes(record: dict[str, object]) -> bytes:
    """The workbook: a sheet per table (title row, header row, rows, notes and source).

    The same record always gives the same bytes.
    """
    from openpyxl import Workbook
    from openpyxl.xml.constants import ARC_CORE
    from openpyxl.xml.functions import tostring

    book = Workbook()
    book.remove(book.active)
    names = sheet_names([table["sheet"] for table in record["tables"]])
    for table, name in zip(record["tables"], names, strict=True):
        _fill_sheet(book.create_sheet(name), table, record)
    properties = book.properties
    properties.creator, properties.title = "ikm-analysis", record["title"]
    properties.language = record["lang"]
    buffer = io.BytesIO()
    book.save(buffer)  # stamps the save time into docProps/core.xml; written again below
    properties.created = properties.modified = FIXED_TIME
    return _fixed_zip(buffer.getvalue(), {ARC_CORE: tostring(properties.to_tree())})


def csv_files(record: dict[str, object]) -> dict[str, bytes]:
    """One CSV per table (``01_unit_per_kategori.csv`` …) and the notes file, by name.

    Example:
        >>> shown = pd.DataFrame({"Tahun": ["2021"], "Perubahan": ["+28.712"],
        ...                       "Sumber": ["=BPS"]})
        >>> files = csv_files(tables_record("UMKM", [ReportTable("seri-umkm-kalteng", shown,
        ...                                                      shown)]))
        >>> sorted(files)
        ['01_seri_umkm_kalteng.csv', 'catatan.txt']
        >>> print(files["01_seri_umkm_kalteng.csv"].decode("utf-8-sig"), end="")
        Tahun;Perubahan;Sumber
        2021;28712;'=BPS
    """
    lang = record["lang"]
    files, notes = {}, [text("download_csv_format", lang), ""]
    names = sheet_names([table["sheet"] for table in record["tables"]])
    for number, (table, sheet) in enumerate(zip(record["tables"], names, strict=True), 1):
        slug = re.sub(r"[^0-9a-z]+", "_", sheet.casefold()).strip("_")
        name = f"{number:02d}_{slug}.csv"
        rows = [[cell.csv_text(lang) if isinstance(cell, _Number) else cell for cell in row]
                for row in _cells(table, lang)]
        frame = pd.DataFrame(rows, columns=_defused(table["columns"]), dtype=object)
        files[name] = frame.to_csv(index=False, sep=_CSV_SEPARATOR[lang], lineterminator="\n"
                                   ).encode("utf-8-sig")
        notes += [f"{name}: {table['title']}", *_footer(table, record), ""]
    files[text("download_notes_file", lang)] = "\n".join(notes).encode("utf-8-sig")
    return files


def csv_zip_bytes(record: dict[str, object]) -> bytes:
    """The CSV files and the notes file as one zip, entries dated :data:`FIXED_TIME`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in csv_files(record).items():
            archive.writestr(_zip_info(name), content)
    return out.getvalue()


def write_downloads(record: dict[str, object], folder: str | Path, stem: str) -> list[Path]:
    """Write the workbook and the CSV zip into ``folder``; returns their paths."""
    xlsx, csv_zip = (Path(folder) / name for name in download_names(stem))
    xlsx.write_bytes(workbook_bytes(record))
    csv_zip.write_bytes(csv_zip_bytes(record))
    return [xlsx, csv_zip]


def download_links_html(stem: str, lang: str = "id") -> str:
    """The line linking a report's downloads, relative to its HTML file.

    Example:
        >>> print(download_links_html("laporan_ikm_2024"))
        <p class="ikm-downloads">Unduh tabel: <a href="laporan_ikm_2024_tabel.xlsx">XLSX</a> · \
<a href="laporan_ikm_2024_tabel_csv.zip">CSV</a></p>
    """
    xlsx, csv_zip = (html.escape(name) for name in download_names(stem))
    return (f'<p class="ikm-downloads">{html.escape(text("download_label", lang))}: '
            f'<a href="{xlsx}">XLSX</a> · <a href="{csv_zip}">CSV</a></p>')


def with_download_links(notebook: object, stem: str, lang: str = "id") -> object:
    """A copy of the executed notebook with the download line before its provenance block.

    Example:
        >>> import nbformat
        >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        ...     "", metadata={"tags": ["provenance"]})])
        >>> [cell.id for cell in with_download_links(nb, "x").cells][0]
        'download-links'
    """
    import nbformat

    from ikm_analysis.report.provenance import PROVENANCE_TAG

    page = copy.deepcopy(notebook)
    cell = nbformat.v4.new_code_cell("# download links, added by the build")
    cell["id"] = "download-links"
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data={"text/html": download_links_html(stem, lang)})]
    index = next((index for index, other in enumerate(page.cells)
                  if PROVENANCE_TAG in other.metadata.get("tags", [])), len(page.cells))
    page.cells.insert(index, cell)
    return page
