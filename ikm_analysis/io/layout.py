r"""Find the table in a sheet: its header (one row or two), and every record below it.

An office sheet has a title above the table, sometimes a ``(1) (2) (3)`` row under the header,
the header again at every printed page, page numbers, a ``JUMLAH`` row and a signature block
below. :func:`find_table` takes the row among the first :data:`HEADER_SEARCH_ROWS` that names
the most canonical columns as the header, joins a second header row under it (``Tenaga Kerja``
over ``L`` and ``P``), and sorts every row below it into exactly one of:

* a **record** (total rows such as ``JUMLAH`` included: they are reported, not read as units);
* a **blank** row;
* a **skipped** row, with its kind: ``column_numbers`` (``(1) (2) (3)``), ``repeated_header``,
  ``page_number`` (``Halaman 2``), ``note`` (one cell of text after the last record, such as
  ``Sumber: ...`` or the signature block after the total).

Merged data cells are read as Excel shows them: a kelurahan merged down over six rows is the
kelurahan of each.

Example:
    >>> sheet = Sheet("Data", [["DAFTAR IKM"], ["No", "Nama Usaha", "Kel.", "KBLI"],
    ...                        ["(1)", "(2)", "(3)", "(4)"], [1, "Kue", "Menteng", "10792"],
    ...                        ["JUMLAH"], ["Sumber: Dinas"]], [1, 2, 3, 4, 5, 6])
    >>> table = find_table(sheet, Path("ikm.xlsx"))
    >>> table.header_rows, table.rows, table.total_rows, table.skipped
    ((2,), [4, 5], {5}, [(3, 'column_numbers'), (6, 'note')])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from ikm_analysis.folding import fold_text
from ikm_analysis.io.headers import (
    HEADER_SEARCH_ROWS,
    MIN_HEADER_MATCHES,
    PART_WORDS,
    TOTAL_WORDS,
    ColumnPlan,
    header_score,
    header_text,
    is_blank,
    plan_columns,
)
from ikm_analysis.io.sheet import Sheet

#: First words of a line that totals the rows above it.
TOTAL_ROW_WORDS = frozenset({"jumlah", "total", "jumlah total", "total keseluruhan",
                             "jumlah keseluruhan", "grand total", "sub total", "subtotal",
                             "jumlah seluruhnya"})
_NUMBER_CELL = re.compile(r"^\(?\d{1,2}\)?$")
#: A row naming the kelurahan of the rows below it: ``KELURAHAN MENTENG``, ``Kel. Pager``.
_GROUP = re.compile(r"^(?:kelurahan|kel|desa|ds)\.?\s+(.+)$", re.IGNORECASE)
_PAGE = re.compile(r"^(hal(aman)?|page)\b\.?\s*\d+")
#: First words of a note under a table: its source, a remark, the signature block.
_NOTE_WORDS = ("sumber", "keterangan", "ket", "catatan", "mengetahui", "kepala", "nip", "ttd",
               "dibuat", "dicetak", "palangka raya", "disusun", "diolah", "data fiktif")


@dataclass(frozen=True)
class SheetTable:
    """The table found in one sheet.

    Attributes:
        sheet: The sheet (merged data cells filled).
        plan: What each column becomes.
        header_rows: Row numbers of the header (two for a two-row header).
        score: How many canonical columns the header names.
        records: The cells of each record.
        rows: The row number of each record.
        total_rows: Row numbers of records that are totals.
        blank_rows: How many blank rows lie below the header.
        skipped: (row number, kind) of the rows below the header that are no records.
    """

    sheet: Sheet
    plan: ColumnPlan
    header_rows: tuple[int, ...]
    score: int
    records: list[list[object]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    total_rows: set[int] = field(default_factory=set)
    blank_rows: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    groups: list[str | None] = field(default_factory=list)


def find_header(sheet: Sheet) -> tuple[int, int]:
    """Position (in ``sheet.rows``) and score of the best header among the first rows.

    Returns ``(-1, 0)`` when no row names :data:`MIN_HEADER_MATCHES` canonical columns.
    """
    best, score = -1, 0
    for index, cells in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        found = header_score(cells)
        if found > score:
            best, score = index, found
    return (best, score) if score >= MIN_HEADER_MATCHES else (-1, 0)


def _texts(cells: list[object]) -> list[str]:
    return [header_text(cell) for cell in cells]


def _is_column_numbers(cells: list[object]) -> bool:
    """``(1) (2) (3) ...`` or ``1 2 3 ...``: consecutive numbers of the columns, no data."""
    filled = [header_text(cell) for cell in cells if not is_blank(cell)]
    if len(filled) < 3 or not all(_NUMBER_CELL.match(text) for text in filled):
        return False
    numbers = [int(text.strip("()")) for text in filled]
    return all(later == earlier + 1 for earlier, later in pairwise(numbers))


def _sub_header(sheet: Sheet, index: int) -> list[str] | None:
    """The upper header over each column when row ``index + 1`` is a second header row."""
    if index + 1 >= len(sheet.rows):
        return None
    upper, lower = sheet.rows[index], sheet.rows[index + 1]
    lower_text = _texts(lower)
    filled = [(position, text) for position, text in enumerate(lower_text) if text]
    if not filled or _is_column_numbers(lower):
        return None
    if any(isinstance(cell, int | float) and not isinstance(cell, bool) for cell in lower):
        return None  # a record, not a header
    words = {fold_text(text) for _, text in filled}
    if not words <= PART_WORDS | TOTAL_WORDS and header_score(lower) < 1:
        return None
    parents = _texts(upper) + [""] * max(0, len(lower) - len(upper))
    number = sheet.row_numbers[index]
    spans = [(first_column, last_column) for first_row, first_column, _, last_column
             in sheet.merged if first_row == number and last_column > first_column]
    for first_column, last_column in spans:  # a merged upper cell heads every column it covers
        for position in range(first_column + 1, min(last_column + 1, len(parents))):
            parents[position] = parents[first_column]
    under_nothing = [position for position, _ in filled
                     if position < len(parents) and not parents[position]]
    for position in under_nothing:  # unmerged: the upper header on the left spans on
        left = position - 1
        while left >= 0 and not parents[left] and lower_text[left]:
            left -= 1
        if left >= 0 and parents[left]:
            parents[position] = parents[left]
    covered = any(first <= position <= last for position, _ in filled for first, last in spans)
    if not covered and not under_nothing and not words <= PART_WORDS | TOTAL_WORDS:
        return None
    return parents


def _is_filled(cell: object) -> bool:
    return cell is not None and cell != "" and cell == cell and (
        not isinstance(cell, str) or not cell.isspace())


def _filled(cells: list[object]) -> list[object]:
    """The non-blank cells of a row, as read."""
    return [cell for cell in cells if _is_filled(cell)]


#: How many filled cells tell a row's kind: none, one, two, or three and more.
_FIRST_FILLED = 3


def _first_filled(cells: list[object]) -> list[object]:
    """The first :data:`_FIRST_FILLED` non-blank cells of a row (a record stops early)."""
    first = []
    for cell in cells:
        if _is_filled(cell):
            first.append(cell)
            if len(first) == _FIRST_FILLED:
                break
    return first


@lru_cache(maxsize=64)
def _header_set(items: tuple[tuple[int, str], ...]) -> frozenset[str]:
    return frozenset(text for _, text in items)


def header_texts(header: dict[int, str]) -> frozenset[str]:
    """The texts of a header's cells (cached: asked once per row)."""
    return _header_set(tuple(header.items()))


def _row_kind(cells: list[object], filled: list[object], header: dict[int, str],
              after_last_record: bool, after_total: bool) -> str | None:
    """The kind of a row that is not a record, or ``None`` for a record (or a blank row).

    ``filled``: its first non-blank cells (:func:`_first_filled`); ``header``: position ->
    the header's cell, stripped.
    Checks go from cheap to dear: most rows are records, told apart by their first cells.
    """
    if not filled:
        return "blank"
    if len(filled) >= 3 and isinstance(filled[0], str) and _NUMBER_CELL.match(
            filled[0].strip()) and _is_column_numbers(cells):
        return "column_numbers"
    if isinstance(filled[0], str) and filled[0].strip() in header_texts(header):
        same = sum(1 for position, wanted in header.items() if position < len(cells)
                   and isinstance(cells[position], str) and cells[position].strip() == wanted)
        if same >= MIN_HEADER_MATCHES:
            return "repeated_header"
    if len(filled) == 1:
        text = header_text(filled[0])
        folded = fold_text(text)
        if _PAGE.match(folded):
            return "page_number"
        is_note = after_total or folded.startswith(_NOTE_WORDS) or text.startswith("*")
        if after_last_record and is_note and not is_total_label(text):
            return "note"
    return None


def find_table(sheet: Sheet, path: Path) -> SheetTable | None:
    """The table of a sheet, or ``None`` when no row looks like a registry header.

    Raises:
        MissingColumnsError: The header lacks a column every registry needs.
    """
    index, score = find_header(sheet)
    if index < 0:
        return None
    parents = _sub_header(sheet, index)
    header_index = index + 1 if parents is not None else index
    start = header_index + 1
    filled_cells = [_first_filled(cells) for cells in sheet.rows]
    headings = _group_headings(sheet, filled_cells, start)
    plan = plan_columns(sheet.rows[header_index], path, sheet.name, parents,
                        given=frozenset({"kelurahan"}) if headings else frozenset())
    if "kelurahan" in plan.fields:
        headings = {}
    header_rows = tuple(sheet.row_numbers[i] for i in range(index, header_index + 1))
    filled = sheet.filled(from_row=sheet.row_numbers[start] if start < len(sheet.rows) else 0)
    if filled is not sheet:  # merged cells were filled in: count the rows' cells again
        filled_cells = [_first_filled(cells) for cells in filled.rows]
    header = {position: cell.strip() for position, cell in enumerate(sheet.rows[header_index])
              if isinstance(cell, str) and cell.strip()}
    # the last row holding a record-like amount of data: after it, single cells are notes
    wanted = set(plan.positions.values())
    last_data = start - 1
    for i in range(len(filled.rows) - 1, start - 1, -1):
        cells = filled.rows[i]
        if sum(1 for p in wanted if p < len(cells) and not is_blank(cells[p])) >= 3:
            last_data = i
            break
    records, rows, totals, skipped, blank, groups, group = [], [], set(), [], 0, [], None
    for i in range(start, len(filled.rows)):
        cells, number = filled.rows[i], filled.row_numbers[i]
        if number in headings:
            skipped.append((number, "group_heading"))
            group = headings[number]
            continue
        kind = _row_kind(cells, filled_cells[i], header, after_last_record=i > last_data,
                         after_total=bool(totals))
        if kind == "blank":
            blank += 1
        elif kind is not None:
            skipped.append((number, kind))
        else:
            first = filled_cells[i][0]
            if isinstance(first, str) and is_total_label(first):
                totals.add(number)
            records.append(cells)
            rows.append(number)
            groups.append(group)
    return SheetTable(filled, plan, header_rows, score, records, rows, totals, blank, skipped,
                      groups if headings else [])


def is_total_label(text: str) -> bool:
    """Whether a row's first filled cell says it totals the rows above it.

    Example:
        >>> is_total_label("JUMLAH"), is_total_label("Jumlah Kel. Menteng"), is_total_label("12")
        (True, True, False)
    """
    folded = fold_text(text)
    return folded in TOTAL_ROW_WORDS or any(folded.startswith(word + " ")
                                            for word in TOTAL_ROW_WORDS)


def _group_headings(sheet: Sheet, first_filled: list[list[object]], start: int
                    ) -> dict[int, str]:
    """Row number -> kelurahan of the rows below a header that only name a kelurahan.

    ``first_filled``: the first filled cells of each row (:func:`_first_filled`).
    """
    headings = {}
    for i in range(start, len(sheet.rows)):
        first = first_filled[i]
        if not first or not isinstance(first[0], str) or len({*map(str, first)}) != 1:
            continue
        match = _GROUP.match(header_text(first[0]))
        if match and len({*map(str, _filled(sheet.rows[i]))}) == 1:
            headings[sheet.row_numbers[i]] = match.group(1).strip()
    return headings
