"""Read the ``.xls`` files web applications write that are no Excel files: HTML tables and XML.

Two kinds are common: an HTML page with a ``<table>`` saved as ``.xls``, and Excel 2003's "XML
Spreadsheet" (SpreadsheetML). Both open in Excel, so offices send them as registries. Each
table or worksheet becomes a :class:`~ikm_analysis.io.sheet.Sheet`; ``colspan`` and the
``ss:Index`` of skipped cells keep every cell under its header.

Example:
    >>> html = "<table><tr><th>Kel.</th><th>Nama</th></tr><tr><td>Menteng</td><td>Kue</td></tr>"
    >>> read_html_sheets(html + "</table>")[0].rows
    [['Kel.', 'Nama'], ['Menteng', 'Kue']]
"""

from __future__ import annotations

from html.parser import HTMLParser
from xml.etree import ElementTree

from ikm_analysis.io.sheet import Sheet

_SS = "urn:schemas-microsoft-com:office:spreadsheet"


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str | None]]] = []
        self._depth = 0
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.tables.append([])
        elif self._depth == 1 and tag == "tr":
            self.tables[-1].append([])
        elif self._depth == 1 and tag in ("td", "th") and self.tables[-1]:
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = int(span) if span.isdigit() else 1
        elif self._cell is not None and tag == "br":
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if tag == "table":
            self._depth -= 1
        elif tag in ("td", "th") and self._cell is not None:
            text = " ".join("".join(self._cell).split(" ")).strip()
            self.tables[-1][-1].extend([text or None] + [None] * (self._span - 1))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def read_html_sheets(text: str) -> list[Sheet]:
    """Every top-level ``<table>`` of an HTML page, as a sheet named ``Tabel 1``, ``Tabel 2``..."""
    parser = _Tables()
    parser.feed(text)
    parser.close()
    sheets = []
    for number, table in enumerate(parser.tables, start=1):
        sheets.append(Sheet(f"Tabel {number}", table, list(range(1, len(table) + 1))))
    return sheets


def read_spreadsheetml_sheets(text: str) -> list[Sheet]:
    """Every ``Worksheet`` of an Excel 2003 XML Spreadsheet, rows numbered as Excel does."""
    root = ElementTree.fromstring(text.encode("utf-8") if isinstance(text, str) else text)
    sheets = []
    for worksheet in root.iter(f"{{{_SS}}}Worksheet"):
        rows: list[list[object]] = []
        numbers: list[int] = []
        number = 0
        for row in worksheet.iter(f"{{{_SS}}}Row"):
            index = row.get(f"{{{_SS}}}Index")
            number = int(index) if index else number + 1
            cells: list[object] = []
            for cell in row.iter(f"{{{_SS}}}Cell"):
                at = cell.get(f"{{{_SS}}}Index")
                if at:
                    cells.extend([None] * (int(at) - 1 - len(cells)))
                data = cell.find(f"{{{_SS}}}Data")
                value: object = None
                if data is not None and data.text is not None:
                    kind = data.get(f"{{{_SS}}}Type")
                    value = data.text
                    if kind == "Number":
                        try:
                            value = float(data.text)
                        except ValueError:
                            value = data.text
                cells.append(value)
                span = cell.get(f"{{{_SS}}}MergeAcross")
                if span and span.isdigit():
                    cells.extend([None] * int(span))
            rows.append(cells)
            numbers.append(number)
        sheets.append(Sheet(worksheet.get(f"{{{_SS}}}Name"), rows, numbers))
    return sheets
