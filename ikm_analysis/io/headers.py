"""Find the header row of a sheet or text file and map its cells onto the canonical columns.

Office exports put a title and a date above the table and a ``Jumlah`` line below it. The header
is the row, among the first :data:`HEADER_SEARCH_ROWS`, that names the most canonical columns
(at least :data:`MIN_HEADER_MATCHES`); the rows below it are the data.

Example:
    >>> rows = [["DATA IKM 2024"], ["No", "ID", "Nama Usaha", "Kel.", "KBLI", "Tahun", "Status"],
    ...         [1, "A1", "Kue Ibu", "Menteng", "10792", 2021, "aktif"]]
    >>> registry = registry_from_rows(rows, Path("ikm.csv"))
    >>> registry.header_row, registry.frame.loc[3, "kelurahan"], registry.ignored_headers
    (2, 'Menteng', ('No',))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ikm_analysis.exceptions import InputFileError, MissingColumnsError
from ikm_analysis.folding import fold_text
from ikm_analysis.io.raw import RawRegistry
from ikm_analysis.io.schema import (
    REQUIRED_COLUMNS,
    REQUIRED_ONE_OF,
    accepted_headers,
    match_header,
)

HEADER_SEARCH_ROWS = 30
MIN_HEADER_MATCHES = 3
TOTAL_ROW_WORDS = frozenset(
    {"jumlah", "total", "jumlah total", "total keseluruhan", "jumlah keseluruhan", "grand total"}
)


@dataclass(frozen=True)
class HeaderMap:
    """A header row mapped: canonical column -> its position, its header as written, its scale.

    Attributes:
        positions: Canonical column -> position of its cell in the row.
        headers: Canonical column -> header as written.
        scales: Canonical column -> factor its unit implies (``Rp 000`` -> 1000).
        ignored: Headers that matched no canonical column.
    """

    positions: dict[str, int]
    headers: dict[str, str]
    scales: dict[str, float]
    ignored: tuple[str, ...]


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and value != value
    )


def _header_score(cells: Sequence[object]) -> int:
    matches = {match_header(cell) for cell in cells if not _is_blank(cell)}
    return len({m.column for m in matches if m is not None})


def map_headers(cells: Sequence[object], path: Path) -> HeaderMap:
    """Map the cells of a header row onto canonical columns.

    Raises:
        InputFileError: Two headers mean the same column.
        MissingColumnsError: Required columns are absent (the message lists accepted names).
    """
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    scales: dict[str, float] = {}
    ignored: list[str] = []
    for position, cell in enumerate(cells):
        if _is_blank(cell):
            continue
        written = str(cell).strip()
        match = match_header(written)
        if match is None:
            ignored.append(written)
            continue
        if match.column in positions:
            raise InputFileError(
                path,
                f"columns {headers[match.column]!r} and {written!r} both mean "
                f"{match.column}; rename or delete one of them",
            )
        positions[match.column] = position
        headers[match.column] = written
        scales[match.column] = match.scale
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    missing += ["/".join(group) for group in REQUIRED_ONE_OF
                if not any(name in positions for name in group)]
    if missing:
        hints = "; ".join(
            f"{name}: {' or '.join(accepted_headers(part) for part in name.split('/'))}"
            for name in missing
        )
        raise MissingColumnsError(
            path, missing, f"Headers found: {', '.join(map(repr, headers.values()))}. "
                           f"Accepted header names: {hints}"
        )
    return HeaderMap(positions, headers, scales, tuple(ignored))


def find_header_row(rows: Sequence[Sequence[object]]) -> tuple[int, int]:
    """Index and score of the best header candidate among the first rows (first best wins)."""
    best_index, best_score = -1, 0
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = _header_score(cells)
        if score > best_score:
            best_index, best_score = index, score
    return best_index, best_score


def no_header_error(path: Path, where: str = "") -> InputFileError:
    """The error for a file or sheet in which no row looks like a registry header."""
    return InputFileError(
        path,
        f"no header row found{where}: none of the first {HEADER_SEARCH_ROWS} rows names at least "
        f"{MIN_HEADER_MATCHES} known columns (such as ID, Nama Usaha, Kelurahan, KBLI, Tahun, "
        "Status)",
    )


def _frame_from_rows(
    rows: Sequence[Sequence[object]], header_index: int, header: HeaderMap
) -> tuple[pd.DataFrame, int, tuple[int, ...]]:
    """Build the raw frame from the rows below the header; count blank and total rows."""
    records: dict[str, list[object]] = {name: [] for name in header.positions}
    row_numbers: list[int] = []
    total_rows: list[int] = []
    blank = 0
    for offset, cells in enumerate(rows[header_index + 1:], start=header_index + 1):
        filled = [cell for cell in cells if not _is_blank(cell)]
        if not filled:
            blank += 1
            continue
        row_number = offset + 1  # spreadsheet rows count from 1
        row_numbers.append(row_number)
        if fold_text(filled[0]) in TOTAL_ROW_WORDS:
            total_rows.append(row_number)
        for name, position in header.positions.items():
            records[name].append(cells[position] if position < len(cells) else None)
    frame = pd.DataFrame(
        {name: pd.Series(values, dtype=object) for name, values in records.items()}
    )
    frame.index = pd.Index(row_numbers, name="source_row", dtype="int64")
    return frame, blank, tuple(total_rows)


def registry_from_rows(
    rows: Sequence[Sequence[object]], path: Path, **details: str | None
) -> RawRegistry | None:
    """Find the header among ``rows`` and build the registry; ``None`` when there is no header.

    Args:
        rows: Every row of a sheet or text file, cells as read.
        path: The file (for messages).
        details: ``sheet``, ``encoding``, ``delimiter``: how the rows were read.

    Raises:
        MissingColumnsError: The header lacks required columns.
    """
    header_index, score = find_header_row(rows)
    if score < MIN_HEADER_MATCHES:
        return None
    header = map_headers(rows[header_index], path)
    frame, blank, totals = _frame_from_rows(rows, header_index, header)
    return RawRegistry(frame, path, header_row=header_index + 1, headers=header.headers,
                       scales=header.scales, ignored_headers=header.ignored, blank_rows=blank,
                       total_rows=totals, **details)


