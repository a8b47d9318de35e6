r"""Read a text export (CSV, TSV, Excel's "Unicode Text") into a sheet of records.

What offices send: UTF-8 (with or without a byte-order mark), Windows-1252, or UTF-16 from
Excel's "Unicode Text"; ``,`` ``;`` tab or ``|`` between fields, sometimes announced by a first
line ``sep=;``; CR LF, LF or old Mac CR line ends; quoted cells holding line breaks; now and then
a cell with a quote that is never closed.

A record is numbered by the line it starts on, as a text editor numbers lines. A quoted cell may
hold line breaks (an address on two lines), but a quote left open would swallow the records that
follow into one cell: a record that runs over several lines and then has fewer fields than the
file's records (or never closes its quote) is cut at its first line and reported as a defect
(``unclosed_quote``), and reading goes on with the next line.

Example:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ikm.csv"
    >>> _ = path.write_text('ID;Nama;Kel.\nA1;"Kue Mama;Menteng\nA2;Roti;Pager\n', encoding="utf-8")
    >>> text = read_text_sheet(path)
    >>> text.delimiter, text.sheet.row_numbers, text.sheet.defects
    (';', [1, 2, 3], {2: ('unclosed_quote', '')})
    >>> text.sheet.rows[2]
    ['A2', 'Roti', 'Pager']
"""

from __future__ import annotations

import csv
import io
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ikm_analysis.exceptions import InputFileError
from ikm_analysis.io.headers import HEADER_SEARCH_ROWS, header_score
from ikm_analysis.io.sheet import Sheet

DELIMITERS = (",", ";", "\t", "|")
_LINE_END = re.compile(r"\r\n|\n|\r")
_SEP_HINT = re.compile(r"^\ufeff?sep=(.)$", re.IGNORECASE)
#: Largest cell accepted (a pasted document is a few MB; more is not a registry).
_MAX_CELL = 64 * 1024 * 1024
#: Most lines one cell may run over (an address, a note); a quote open longer was never closed.
_MAX_CELL_LINES = 50


@dataclass(frozen=True)
class TextSheet:
    """A text file read: its rows, and how it was written.

    Attributes:
        sheet: The records (``name`` is ``None``).
        encoding: The text encoding found.
        delimiter: The field separator found.
        skipped_lines: Lines that are no data: Excel's ``sep=`` hint.
    """

    sheet: Sheet
    encoding: str
    delimiter: str
    skipped_lines: tuple[int, ...] = ()


def decode(path: Path, data: bytes) -> tuple[str, str]:
    r"""The file's text and its encoding: byte-order mark, UTF-16, UTF-8, else Windows-1252.

    Example:
        >>> decode(Path("x.txt"), "Kel.\\tNama".encode("utf-16"))
        ('Kel.\\tNama', 'utf-16')
    """
    boms = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 4:  # UTF-16 without a byte-order mark
        encoding = "utf-16-le" if sample[1::2].count(b"\x00") > sample[0::2].count(b"\x00") \
            else "utf-16-be"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputFileError(path, "text_encoding")


def _physical_lines(text: str) -> list[tuple[str, str]]:
    """(line, the line end after it) for every line; CR LF, LF and a lone CR each end a line."""
    lines, start = [], 0
    for match in _LINE_END.finditer(text):
        lines.append((text[start:match.start()], match.group()))
        start = match.end()
    if start < len(text):
        lines.append((text[start:], ""))
    return lines


def _fields(line: str, delimiter: str) -> list[str]:
    """The fields of one line read on its own (an open quote runs to the line's end)."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def _choose_delimiter(lines: Sequence[str], hint: str | None) -> str:
    """The separator under which some early line names the most columns; ``,`` on ties."""
    if hint is not None:
        return hint
    head = [line for line in lines[:HEADER_SEARCH_ROWS]]

    def score(delimiter: str) -> tuple[int, int]:
        rows = [_fields(line, delimiter) for line in head]
        widths = [len(row) for row in rows if len(row) > 1]
        return max((header_score(row) for row in rows), default=0), len(widths)

    return max(DELIMITERS, key=score)


def _width(record: str, delimiter: str) -> int:
    """How many fields a (possibly multi-line) record has."""
    try:
        return len(next(csv.reader(io.StringIO(record, newline=""), delimiter=delimiter), []))
    except csv.Error:
        return 0


def _open_quote_after(text: str, delimiter: str, state: bool) -> bool:
    """Whether a quoted field is still open after ``text``, starting in ``state``.

    Follows the CSV rule: a field is quoted when its first character is a quote; inside it a
    doubled quote is a quote, a single one closes it.
    """
    inside, at_field_start, index = state, not state, 0
    while index < len(text):
        character = text[index]
        if inside:
            if character == '"':
                if index + 1 < len(text) and text[index + 1] == '"':
                    index += 1
                else:
                    inside = False
        elif character == '"' and at_field_start:
            inside = True
        at_field_start = not inside and character == delimiter
        index += 1
    return inside


def read_text_sheet(path: Path, data: bytes | None = None) -> TextSheet:
    """Read a text file's records, numbered by the line each starts on.

    Raises:
        InputFileError: The text is in no encoding this package reads.
    """
    text, encoding = decode(path, path.read_bytes() if data is None else data)
    lines = _physical_lines(text)
    hint, skipped = None, ()
    if lines and _SEP_HINT.match(lines[0][0].strip()):
        hint, skipped = _SEP_HINT.match(lines[0][0].strip()).group(1), (1,)
    delimiter = _choose_delimiter([line for line, _ in lines[len(skipped):]], hint)
    widths = [len(_fields(line, delimiter)) for line, _ in lines[:200] if line.strip()]
    typical = int(statistics.median(widths)) if widths else 1

    rows: list[list[object]] = []
    numbers: list[int] = []
    defects: dict[int, tuple[str, str]] = {}
    old_limit = csv.field_size_limit(_MAX_CELL)
    try:
        index = len(skipped)
        while index < len(lines):
            start = index
            record, ending = lines[index]
            is_open = _open_quote_after(record, delimiter, False)
            while is_open and index + 1 < len(lines) and index - start < _MAX_CELL_LINES:
                index += 1
                record += ending + lines[index][0]
                ending = lines[index][1]
                is_open = _open_quote_after(lines[index][0], delimiter, True)
            if index > start and (is_open or _width(record, delimiter) < typical - 1):
                # A quote left open swallowed what follows (the record it makes has too few
                # fields): cut the record at its first line, read the lines after it again.
                record, index = lines[start][0], start
                defects[start + 1] = ("unclosed_quote", "")
            cells: list[object] = []
            if record.strip(" \t" + delimiter):  # a line of separators only is blank
                try:
                    cells = next(csv.reader(io.StringIO(record, newline=""),
                                            delimiter=delimiter), [])
                except csv.Error:
                    cells, defects[start + 1] = record.split(delimiter), ("unreadable_line", "")
            rows.append(list(cells))
            numbers.append(start + 1)
            index += 1
    finally:
        csv.field_size_limit(old_limit)
    return TextSheet(Sheet(None, rows, numbers, defects=defects), encoding, delimiter, skipped)
